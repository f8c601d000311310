package io.rectification.tasks.work;

import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.CurrentActor;
import io.rectification.platform.security.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import io.rectification.tasks.task.TaskPart;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import java.util.List;
import java.util.UUID;

@Path("/tasks/{id}/progress-reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
public class ProgressReportResource {

    private final ProgressReports reports;
    private final CurrentActor actor;

    public ProgressReportResource(ProgressReports reports, CurrentActor actor) {
        this.reports = reports;
        this.actor = actor;
    }

    @POST
    @Operation(summary = "Report progress for a period (日报告/周调度/月推进); the reporter is the token holder")
    @APIResponse(responseCode = "201", description = "the report and the task after it; Location is the report",
            content = @Content(schema = @Schema(implementation = ProgressReported.class)))
    @RolesAllowed(Access.WORK_ON_TASKS)
    public Response reportProgress(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                   @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                           examples = @ExampleObject(name = "a monthly report", value = """
                                                   {
                                                     "cadence": "MONTHLY",
                                                     "periodStart": "2026-08-01",
                                                     "periodEnd": "2026-08-31",
                                                     "text": "已印发跟踪服务办法，完成37个签约项目台账建立，9个未开工项目中已有4个开工。",
                                                     "percentComplete": 40
                                                   }""")))
                                   @NotNull @Valid ProgressReportInput input, @Context UriInfo uri) {
        ProgressReported reported = reports.report(id, Versions.optional(ifMatch), input, actor.require());
        return Response.created(uri.getAbsolutePathBuilder().path(reported.report().id().toString()).build())
                .tag(Versions.etag(reported.task().version())).entity(reported).build();
    }

    @GET
    @Operation(summary = "The task's progress reports, latest first; its ETag is the task's version, which every "
            + "report moves")
    @APIResponse(responseCode = "200", description = "the reports; ETag the task's version",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ProgressReportView.class)))
    @APIResponse(responseCode = "304", description = Versions.NOT_MODIFIED)
    @RolesAllowed(Access.READ)
    public Response progressReports(@PathParam("id") UUID id,
                                    @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        TaskPart<List<ProgressReportView>> listed = reports.ofTask(id);
        return Versions.current(listed.view(), listed.taskVersion(), ifNoneMatch);
    }

    @GET
    @Path("{reportId}")
    @Operation(summary = "One progress report")
    @RolesAllowed(Access.READ)
    public ProgressReportView progressReport(@PathParam("id") UUID id, @PathParam("reportId") UUID reportId) {
        return reports.find(id, reportId);
    }
}
