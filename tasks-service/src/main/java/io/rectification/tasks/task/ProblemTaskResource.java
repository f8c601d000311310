package io.rectification.tasks.task;

import io.rectification.tasks.support.Cancellation;
import io.rectification.platform.rest.Flags;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.rectification.platform.rest.PageOf;
import io.rectification.platform.rest.PageRequest;
import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.UUID;

@Path("/problems/{problemId}/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "整改任务: the tasks of a problem")
public class ProblemTaskResource {

    private final TaskService tasks;

    public ProblemTaskResource(TaskService tasks) {
        this.tasks = tasks;
    }

    @POST
    @Operation(summary = "Create the next task of a problem (numbered 一是, 二是… in order)")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "201", description = "the new task; Location is the task, ETag its version",
            content = @Content(schema = @Schema(implementation = TaskSnapshot.class)))
    public Response create(@PathParam("problemId") UUID problemId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = {
                        @ExampleObject(name = "a time-bound task with an indicator and a stage goal", value = """
                            {
                              "title": "建立招商项目全周期跟踪服务机制",
                              "measures": "一是制定招商引资项目跟踪服务办法，明确各部门责任分工；二是建立重点项目台账，逐月调度推进；三是对已签约未开工项目逐一开展清理。",
                              "leadOfficial": "管委会分管副主任",
                              "responsiblePerson": "投资促进局局长",
                              "responsibleUnit": "开发区投资促进局",
                              "deadline": "2027-10-31",
                              "kind": "TIME_BOUND",
                              "reportingCadence": "MONTHLY",
                              "requireIndicatorsMet": true,
                              "indicators": [
                                {
                                  "name": "已签约项目开工率",
                                  "unit": "%",
                                  "baseline": 62,
                                  "targetKind": "ABSOLUTE",
                                  "targetValue": 90,
                                  "direction": "INCREASE"
                                }
                              ],
                              "milestones": [
                                {
                                  "title": "完成已签约未开工项目逐一清理",
                                  "dueDate": "2027-09-30"
                                }
                              ]
                            }"""),
                        @ExampleObject(name = "a long-term task", value = """
                            {
                              "title": "健全招商引资项目全过程监管长效机制",
                              "measures": "将项目履约情况纳入年度考核，每季度通报一次。",
                              "leadOfficial": "管委会主任",
                              "responsiblePerson": "投资促进局局长",
                              "responsibleUnit": "开发区投资促进局",
                              "deadline": "2028-06-30",
                              "kind": "LONG_TERM",
                              "reportingCadence": "MONTHLY",
                              "milestones": [
                                {
                                  "title": "印发项目履约考核办法",
                                  "dueDate": "2027-12-31"
                                }
                              ]
                            }""")}))
            @NotNull @Valid TaskInput input, UriInfo uri) {
        TaskSnapshot created = tasks.createTask(problemId, input);
        return Response.created(uri.getBaseUriBuilder().path("tasks").path(created.id().toString()).build())
                .tag(Versions.etag(created.version())).entity(created).build();
    }

    @GET
    @RolesAllowed(Access.READ)
    public PageOf<TaskSnapshot> listOfProblem(@PathParam("problemId") UUID problemId, @QueryParam("sort") String sort,
                                              @Parameter(description = Cancellation.INCLUDE_CANCELLED)
                                              @QueryParam("includeCancelled") String includeCancelled,
                                              @Valid @BeanParam PageRequest paging) {
        return tasks.listTasksOfProblem(problemId, Flags.parse(includeCancelled, "includeCancelled"), sort == null ? "number" : sort, paging.page, paging.size);
    }
}
