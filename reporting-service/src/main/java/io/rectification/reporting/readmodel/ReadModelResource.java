package io.rectification.reporting.readmodel;

import io.rectification.platform.rest.PageOf;
import io.rectification.platform.rest.PageRequest;
import io.rectification.platform.rest.QueryParameters;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.security.Roles;
import io.rectification.reporting.readmodel.ReadModelViews.Escalation;
import io.rectification.reporting.readmodel.ReadModelViews.ProgressReport;
import io.rectification.reporting.readmodel.ReadModelViews.Publication;
import io.rectification.reporting.readmodel.ReadModelViews.TaskDetail;
import io.rectification.reporting.support.EntityTags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/read-models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Read models", description = "Single read models as the events built them")
public class ReadModelResource {

    private final ReadModelQueries queries;

    public ReadModelResource(ReadModelQueries queries) {
        this.queries = queries;
    }

    /**
     * A client waiting for a change (a dashboard, a system that wrote to tasks-service) polls with
     * If-None-Match: until the task changes it gets 304 from one small query, never the snapshot
     * and every report again.
     */
    @GET
    @Path("tasks/{id}")
    @Operation(summary = "A task's current snapshot, its number of progress reports and the latest "
            + TaskDetail.LATEST_REPORTS + " of them; with its ETag in If-None-Match, 304 until either changes")
    @APIResponse(responseCode = "200", description = "the task as the events built it; ETag names this state",
            content = @Content(schema = @Schema(implementation = TaskDetail.class)))
    @APIResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public Response task(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        var taskId = QueryParameters.requiredUuid("id", id);
        if (ifNoneMatch != null) {
            String current = queries.findTaskTag(taskId).orElseThrow(() -> ApiException.notFound("task", taskId));
            if (EntityTags.matches(ifNoneMatch, current)) {
                return Response.notModified(new EntityTag(current)).build();
            }
        }
        TaskDetail task = queries.findTaskById(taskId).orElseThrow(() -> ApiException.notFound("task", taskId));
        return Response.ok(task).tag(task.tag()).build();
    }

    @GET
    @Path("tasks/{id}/progress-reports")
    @Operation(summary = "A task's progress reports as the events built them, the latest first, a page at a time")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public PageOf<ProgressReport> progressReports(@PathParam("id") String id, @Valid @BeanParam PageRequest paging) {
        var taskId = QueryParameters.requiredUuid("id", id);
        return queries.progressReports(taskId, paging.page, paging.size)
                .orElseThrow(() -> ApiException.notFound("task", taskId));
    }

    @GET
    @Path("publications")
    @Operation(summary = "The publications (disclosure windows and contact channels) of an inspection")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public List<Publication> publications(@QueryParam("inspectionId") String inspectionId) {
        return queries.publications(QueryParameters.requiredUuid("inspectionId", inspectionId));
    }

    @GET
    @Path("escalations")
    @Operation(summary = "Feedback escalated into new problems (再深挖), as staff described them")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public List<Escalation> escalations(@QueryParam("inspectionId") String inspectionId) {
        return queries.escalations(QueryParameters.requiredUuid("inspectionId", inspectionId));
    }
}
