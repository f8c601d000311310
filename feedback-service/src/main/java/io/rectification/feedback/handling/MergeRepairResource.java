package io.rectification.feedback.handling;

import io.rectification.platform.security.Access;
import io.rectification.platform.security.CurrentActor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Repairs the merge loops and chains left by data from before merges were judged under both rows' locks. */
@Path("/admin/merges/repair")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Operating the service: the personal-data keys, the repair of old merges")
public class MergeRepairResource {

    private final MergeRepair repair;
    private final CurrentActor actor;

    public MergeRepairResource(MergeRepair repair, CurrentActor actor) {
        this.repair = repair;
        this.actor = actor;
    }

    @POST
    @Operation(summary = "Breaks the merge loops and merges every member of a chain straight into its end",
            description = "For data written before merges were judged under both rows' locks: in each loop the "
                    + "feedback merged last is merged no more (TRIAGED, or RECEIVED when never triaged: it is owed an "
                    + "answer again), then every feedback merged into a merged one is merged into the feedback where "
                    + "those merges end. Each change is recorded in its history (actor feedback-service) and published "
                    + "(FeedbackMerged, FeedbackTriaged or FeedbackReceived). Idempotent: with nothing to repair it "
                    + "answers empty and changes nothing.")
    @RolesAllowed(Access.OPERATE)
    @APIResponse(responseCode = "200", description = "what was repaired (nothing when there were no loops or chains)",
            content = @Content(schema = @Schema(implementation = MergeRepair.Result.class)))
    public MergeRepair.Result repair() {
        return repair.repair(actor.require());
    }
}
