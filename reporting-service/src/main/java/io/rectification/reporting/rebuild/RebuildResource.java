package io.rectification.reporting.rebuild;

import io.rectification.platform.security.CurrentActor;
import io.rectification.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Operating the read models")
public class RebuildResource {

    private final ReadModelRebuild rebuild;
    private final CurrentActor actor;

    public RebuildResource(ReadModelRebuild rebuild, CurrentActor actor) {
        this.actor = actor;
        this.rebuild = rebuild;
    }

    @POST
    @Operation(summary = "Empties the read models and replays both topics from the beginning",
            description = "Answers 202 once the tables are empty; the consumers then catch up in the background.")
    @RolesAllowed({Roles.ADMIN})
    public Response rebuild() {
        return Response.accepted(rebuild.rebuild(actor.require())).build();
    }
}
