package io.rectification.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

import java.util.ArrayList;

/**
 * Says of each operation that needs no role that it is public ({@code security: []}): the public
 * form, tracking, GeoReport and the published report. The generator writes a requirement only where
 * a role is needed and nothing elsewhere, which a reader (and linters such as Redocly's
 * security-defined) cannot tell from "forgotten". Runs after the generator's own security filter,
 * so an operation it gave a requirement keeps it.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = -100)
public class PublicOperations implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>());
        }
        return operation;
    }
}
