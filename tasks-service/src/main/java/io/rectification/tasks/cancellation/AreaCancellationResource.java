package io.rectification.tasks.cancellation;

import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.Access;
import io.rectification.platform.security.CurrentActor;
import io.rectification.tasks.area.AreaView;
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
 * An area cancelled (撤销) with its problems and their tasks. The office (整改办) cancels what was entered by mistake, with a
 * reason and If-Match; it stays (readable by its id, on its audit trail) and counts in nothing:
 * docs/tasks-service.md "Cancelling what was entered by mistake (撤销)".
 */
@Path("/areas/{id}/cancellation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cancellation", description = "撤销: a task, problem or area entered by mistake cancelled by the office; it stays and counts in nothing")
public class AreaCancellationResource {

    private final Cancellations cancellations;
    private final CurrentActor actor;

    public AreaCancellationResource(Cancellations cancellations, CurrentActor actor) {
        this.cancellations = cancellations;
        this.actor = actor;
    }

    @POST
    @Operation(summary = "撤销: cancel an area entered by mistake with its problems and their tasks (tasks', then problems'"
            + " events, then AreaCancelled); needs If-Match with its ETag. 409, nothing changed, naming each problem"
            + " that may not be cancelled and why")
    @RolesAllowed(Access.MANAGE_PLAN)
    @APIResponse(responseCode = "200", description = "the area as cancelled; its ETag is the new version",
            content = @Content(schema = @Schema(implementation = AreaView.class)))
    public Response cancelArea(@PathParam("id") UUID id,
                               @Parameter(required = true, description = Versions.IF_MATCH_REQUIRED) @HeaderParam("If-Match") String ifMatch,
                               @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                       examples = @ExampleObject(name = "imported twice", value = CancellationInput.EXAMPLE)))
                               @NotNull @Valid CancellationInput input) {
        String canceller = actor.require();
        AreaView area = cancellations.cancelArea(id, Versions.required(ifMatch), input.reason(), canceller);
        return Response.ok(area).tag(Versions.etag(area.version())).build();
    }
}
