package io.rectification.tasks.cancellation;

import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.Access;
import io.rectification.platform.security.CurrentActor;
import io.rectification.tasks.task.TaskCancellations;
import io.rectification.tasks.task.TaskResponses;
import io.rectification.tasks.task.TaskSnapshot;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * A task cancelled alone (撤销); with its problem or area, {@link ProblemCancellationResource} and
 * {@link AreaCancellationResource}. The office (整改办) cancels what was entered by mistake, with a
 * reason and If-Match; it stays (readable by its id, on its audit trail) and counts in nothing:
 * docs/tasks-service.md "Cancelling what was entered by mistake (撤销)".
 */
@Path("/tasks/{id}/cancellation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cancellation", description = "撤销: a task, problem or area entered by mistake cancelled by the office; it stays and counts in nothing")
public class TaskCancellationResource {

    private final TaskCancellations tasks;
    private final CurrentActor actor;

    public TaskCancellationResource(TaskCancellations tasks, CurrentActor actor) {
        this.tasks = tasks;
        this.actor = actor;
    }

    @POST
    @Operation(summary = "撤销: cancel a task entered by mistake, with a reason; needs If-Match with its ETag. The task keeps"
            + " its state, cancellation set and no allowedTransitions (event TaskCancelled); 409 for a task closed out"
            + " (VERIFIED, CONSOLIDATING) or already cancelled")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "200", description = "the task as cancelled; its ETag is the new version",
            content = @Content(schema = @Schema(implementation = TaskSnapshot.class)))
    public Response cancelTask(@PathParam("id") UUID id,
                               @Parameter(required = true, description = Versions.IF_MATCH_REQUIRED) @HeaderParam("If-Match") String ifMatch,
                               @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                       examples = @ExampleObject(name = "imported twice", value = CancellationInput.EXAMPLE)))
                               @NotNull @Valid CancellationInput input) {
        String canceller = actor.require();
        return TaskResponses.withEtag(Response.ok(), tasks.cancel(id, Versions.required(ifMatch), input.reason(), canceller));
    }
}
