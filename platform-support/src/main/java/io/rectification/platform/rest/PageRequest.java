package io.rectification.platform.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The page a list request asks for ({@code ?page=&size=}), bounded once for every list: taken as
 * {@code @Valid @BeanParam PageRequest paging}, an out-of-range value is a 400 naming
 * {@code page} or {@code size}.
 */
public class PageRequest {

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(PageOf.MAX_PAGE)
    @Parameter(description = "The page, counted from 0")
    public int page;

    @QueryParam("size")
    @DefaultValue("" + PageOf.DEFAULT_SIZE)
    @Min(1)
    @Max(PageOf.MAX_SIZE)
    @Parameter(description = "Items a page, 1 to " + PageOf.MAX_SIZE)
    public int size;
}
