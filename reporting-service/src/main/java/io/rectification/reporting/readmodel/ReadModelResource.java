package io.rectification.reporting.readmodel;

import io.rectification.platform.rest.QueryParameters;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.security.Roles;
import io.rectification.reporting.readmodel.ReadModelViews.Escalation;
import io.rectification.reporting.readmodel.ReadModelViews.Publication;
import io.rectification.reporting.readmodel.ReadModelViews.TaskDetail;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    @GET
    @Path("tasks/{id}")
    @Operation(summary = "A task's current snapshot and its progress reports")
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public TaskDetail task(@PathParam("id") String id) {
        var taskId = QueryParameters.requiredUuid("id", id);
        return queries.findTaskById(taskId).orElseThrow(() -> ApiException.notFound("task", taskId));
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
