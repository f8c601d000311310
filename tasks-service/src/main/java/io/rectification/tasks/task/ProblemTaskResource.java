package io.rectification.tasks.task;

import io.rectification.platform.rest.PageOf;
import io.rectification.platform.rest.PageRequest;
import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.Roles;
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
    @RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
    @APIResponse(responseCode = "201", description = "the new task; Location is the task, ETag its version",
            content = @Content(schema = @Schema(implementation = TaskSnapshot.class)))
    public Response create(@PathParam("problemId") UUID problemId, @NotNull @Valid TaskInput input, UriInfo uri) {
        TaskSnapshot created = tasks.createTask(problemId, input);
        return Response.created(uri.getBaseUriBuilder().path("tasks").path(created.id().toString()).build())
                .tag(Versions.etag(created.version())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.COORDINATOR, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.ADMIN})
    public PageOf<TaskSnapshot> listOfProblem(@PathParam("problemId") UUID problemId, @QueryParam("sort") String sort,
                                              @Valid @BeanParam PageRequest paging) {
        return tasks.listTasks(new TaskFilter(null, null, problemId, null, null, null, null, null, null),
                sort == null ? "number" : sort, paging.page, paging.size);
    }
}
