package io.rectification.reporting.progress;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.rest.QueryParameters;
import io.rectification.reporting.report.PublicSite;
import io.rectification.platform.rest.EntityTags;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The public progress page (整改进展) of an inspection: under /reports/ so the gateway routes it with
 * the report and its stylesheets. Public from the first day of the inspection's disclosure window on.
 */
@Path("/reports/{inspectionId}/progress.html")
@Tag(name = "Public report")
public class ProgressResource {

    private static final String HTML = "text/html;charset=UTF-8";

    private final ProgressAssembler assembler;
    private final PublicSite site;

    public ProgressResource(ProgressAssembler assembler, PublicSite site) {
        this.assembler = assembler;
        this.site = site;
    }

    @GET
    @Produces(HTML)
    @Operation(summary = "The public progress page: areas, problems and measures with status and progress",
            description = "Built from the read models, public fields only (no staff names or units). 404 before "
                    + "the first disclosure window of the inspection begins.")
    @PermitAll
    @APIResponse(responseCode = "200", description = "the page; a strong ETag of it and Cache-Control: public, max-age=60",
            content = @Content(mediaType = HTML))
    @APIResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
    public Response page(@PathParam("inspectionId") String inspectionId,
                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        UUID id = QueryParameters.requiredUuid("inspectionId", inspectionId);
        ProgressDocument document = assembler.assemble(id)
                .orElseThrow(() -> ApiException.notFound("published inspection", id));
        String html = ProgressPage.html(document,
                document.latestReportVersion() == null ? null : site.reportVersion(id, document.latestReportVersion()),
                site.feedbackForm(document.window().publicationId()));
        // Read models change with every event: a minute in a cache is fresh enough for the public. After
        // it a cache asks again with the ETag, and a page that has not changed costs no body.
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        String tag = EntityTags.digest(body);
        return (EntityTags.matches(ifNoneMatch, tag) ? Response.notModified() : Response.ok(body))
                .tag(new EntityTag(tag)).header("Cache-Control", "public, max-age=60").build();
    }
}
