package io.rectification.reporting.rebuild;

import io.rectification.platform.security.CurrentActor;
import io.rectification.platform.security.Access;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorTypes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Operating the read models")
public class RebuildResource {

    private final ReadModelRebuild rebuild;
    private final RebuildProgress progress;
    private final CurrentActor actor;

    public RebuildResource(ReadModelRebuild rebuild, RebuildProgress progress, CurrentActor actor) {
        this.actor = actor;
        this.rebuild = rebuild;
        this.progress = progress;
    }

    @POST
    @Operation(summary = "Replays both topics from the beginning into the read models",
            description = "Answers 202 with Location /admin/rebuild where the progress is; the replay runs in the "
                    + "background, in one transaction with the clearing, so the old read models stay readable and "
                    + "stay as they were if it fails. 409 while a rebuild is still replaying on any instance, 503 (nothing "
                    + "changed) when the broker does not tell the end offsets.")
    @RolesAllowed(Access.OPERATE)
    @APIResponse(responseCode = "202", description = "the rebuild started: what it clears and the events it will "
            + "replay; Location is where its progress is (GET /admin/rebuild)",
            content = @Content(schema = @Schema(implementation = ReadModelRebuild.Started.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is still replaying (on any instance), or the event consumers do not run here")
    public Response rebuild(@Context UriInfo uri) {
        ReadModelRebuild.Started started = rebuild.rebuild(actor.require());
        return Response.accepted(started).location(uri.getAbsolutePath()).build();
    }

    @GET
    @Operation(summary = "The progress of the latest rebuild, started on any instance: RUNNING, DONE or FAILED, and "
            + "per topic the events replayed against the end offsets when it started",
            description = "Read from the service's record of its rebuilds, so every instance answers the same, after a "
                    + "restart too. A run whose instance stopped replaying it (no progress recorded for "
                    + "reporting.rebuild.stale-after, 30 s) is FAILED: its transaction ended with that instance and "
                    + "the read models are those from before it.")
    @RolesAllowed(Access.MONITOR)
    @APIResponse(responseCode = "200", description = "the latest rebuild's progress",
            content = @Content(schema = @Schema(implementation = RebuildProgress.Status.class)))
    @APIResponse(responseCode = "404", description = "No rebuild was ever started")
    public RebuildProgress.Status latest() {
        return progress.latest().orElseThrow(() -> new ApiException(404, ErrorTypes.NOT_FOUND,
                "no rebuild was ever started"));
    }
}
