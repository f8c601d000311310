package io.rectification.reporting.readmodel;

import io.rectification.platform.rest.PageOf;
import io.rectification.platform.rest.PageRequest;
import io.rectification.platform.rest.Preferences;
import io.rectification.platform.rest.QueryParameters;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.security.Access;
import io.rectification.reporting.readmodel.ReadModelViews.Escalation;
import io.rectification.reporting.readmodel.ReadModelViews.ProgressReport;
import io.rectification.reporting.readmodel.ReadModelViews.Publication;
import io.rectification.reporting.readmodel.ReadModelViews.TaskDetail;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

@Path("/read-models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Read models", description = "Single read models as the events built them")
public class ReadModelResource {

    private final ReadModelQueries queries;
    private final ConditionalTaskRead read;

    public ReadModelResource(ReadModelQueries queries, ConditionalTaskRead read) {
        this.queries = queries;
        this.read = read;
    }

    /**
     * A client waiting for a change (a dashboard, a system that wrote to tasks-service) names the
     * state it has (If-None-Match) and, rather than polling, how long it would wait for another
     * ({@code Prefer: wait=N}): it is answered as soon as the task changes.
     */
    @GET
    @Path("tasks/{id}")
    @Blocking
    @Operation(summary = "A task's current snapshot, its number of progress reports and the latest "
            + TaskDetail.LATEST_REPORTS + " of them; with its ETag in If-None-Match, 304 until either changes",
            description = "If-None-Match names this service's ETag (\"7-3\": the task's version and number of "
                    + "reports) or tasks-service's (\"7\": the task at that version; 304 until the read model has "
                    + "a later one), so a system that wrote to tasks-service sends the ETag it had before its write. "
                    + "With `Prefer: wait=N` (RFC 7240) beside If-None-Match the answer waits until the task "
                    + "changes (200 with the new state) or N seconds have passed (304), at most "
                    + "`reporting.read-models.max-wait` (30 s); `Preference-Applied` names the wait taken, and "
                    + "only a read that was held has it: one answered at once (the task is already past the state "
                    + "named, or too many are waiting) has none.")
    @APIResponse(responseCode = "200", description = "the task as the events built it; ETag names this state",
            content = @Content(schema = @Schema(implementation = TaskDetail.class)))
    @APIResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
    @RolesAllowed(Access.READ)
    public Uni<Response> task(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                              @Parameter(description = "wait=N: hold a conditional read up to N seconds for a change",
                                      example = "wait=20") @HeaderParam("Prefer") String prefer) {
        var taskId = QueryParameters.requiredUuid("id", id);
        Optional<Duration> wait = ifNoneMatch == null ? Optional.empty() : Preferences.waitOf(prefer);
        return wait.map(seconds -> read.whenChanged(taskId, ifNoneMatch, seconds))
                .orElseGet(() -> Uni.createFrom().item(read.now(taskId, ifNoneMatch)));
    }

    @GET
    @Path("tasks/{id}/progress-reports")
    @Operation(summary = "A task's progress reports as the events built them, the latest first, a page at a time")
    @RolesAllowed(Access.READ)
    public PageOf<ProgressReport> progressReports(@PathParam("id") String id, @Valid @BeanParam PageRequest paging) {
        var taskId = QueryParameters.requiredUuid("id", id);
        return queries.progressReports(taskId, paging.page, paging.size)
                .orElseThrow(() -> ApiException.notFound("task", taskId));
    }

    @GET
    @Path("publications")
    @Operation(summary = "The publications (disclosure windows and contact channels) of an inspection")
    @RolesAllowed(Access.READ)
    public List<Publication> publications(@QueryParam("inspectionId") String inspectionId) {
        return queries.publications(QueryParameters.requiredUuid("inspectionId", inspectionId));
    }

    @GET
    @Path("escalations")
    @Operation(summary = "Feedback escalated into new problems (再深挖), as staff described them")
    @RolesAllowed(Access.READ)
    public List<Escalation> escalations(@QueryParam("inspectionId") String inspectionId) {
        return queries.escalations(QueryParameters.requiredUuid("inspectionId", inspectionId));
    }
}
