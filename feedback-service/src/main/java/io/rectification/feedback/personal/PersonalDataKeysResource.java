package io.rectification.feedback.personal;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorTypes;
import io.rectification.platform.security.Access;
import io.rectification.platform.security.CurrentActor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** Rotating the personal-data key (docs/security.md, "Rotating the personal-data key"): which keys hold what, and the rekey run. */
@Path("/admin/personal-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Operating the service: the personal-data keys, the repair of old merges")
public class PersonalDataKeysResource {

    /** The rows under one key that is not the current one. */
    @Schema(name = "PersonalDataKeyRows", requiredProperties = {"keyId", "rows"})
    public record KeyRows(String keyId, long rows) {
    }

    @Schema(name = "PersonalDataKeys", requiredProperties = {"currentKeyId", "previousKeyIds", "rowsUnderOtherKeys",
            "rowsToRekey"}, description = "The keyring's ids (never a key) and the rows still under a key other than "
            + "the current one (\"legacy\": sealed before keys had ids). A previous key may be removed once rowsToRekey is 0.")
    public record Keys(String currentKeyId, List<String> previousKeyIds, List<KeyRows> rowsUnderOtherKeys,
                       long rowsToRekey) {
    }

    private final PersonalDataCipher cipher;
    private final StoredKeys storedKeys;
    private final PersonalDataRekey rekey;
    private final RekeyProgress progress;
    private final CurrentActor actor;

    public PersonalDataKeysResource(PersonalDataCipher cipher, StoredKeys storedKeys, PersonalDataRekey rekey,
                                    RekeyProgress progress, CurrentActor actor) {
        this.cipher = cipher;
        this.storedKeys = storedKeys;
        this.rekey = rekey;
        this.progress = progress;
        this.actor = actor;
    }

    @GET
    @Path("/keys")
    @Operation(summary = "The keyring's key ids and the rows still under a key other than the current one",
            description = "Counted from the database at each call, so every instance answers the same.")
    @RolesAllowed(Access.MONITOR)
    @APIResponse(responseCode = "200", description = "the key ids and the rows to rekey",
            content = @Content(schema = @Schema(implementation = Keys.class)))
    public Keys keys() {
        Map<String, Long> under = storedKeys.rowsUnderKeysOtherThan(cipher.currentKeyId());
        return new Keys(cipher.currentKeyId(), cipher.previousKeyIds(),
                under.entrySet().stream().map(e -> new KeyRows(e.getKey(), e.getValue())).toList(),
                under.values().stream().mapToLong(Long::longValue).sum());
    }

    @POST
    @Path("/rekey")
    @Operation(summary = "Re-seals the stored personal data under the current key, in the background",
            description = "Every row under another key is sealed again under the current one, in batches of a few "
                    + "hundred rows, each its own transaction, while the service goes on taking submissions; its "
                    + "pseudonyms are cleared (they cannot be computed again), except on rows still within the duplicate "
                    + "window, which a later run takes. Recorded on the audit trail (PersonalDataRekey). Answers 202 with "
                    + "Location /admin/personal-data/rekey, where the progress is; 409 while a run is going on any instance "
                    + "(naming it and its progress: rekey, rowsDone, rowsToRekey). A run whose instance stopped "
                    + "(no batch recorded for feedback.personal-data.rekey.stale-after, 30 s) no longer holds the next "
                    + "back, which goes on where it stopped.")
    @RolesAllowed(Access.OPERATE)
    @APIResponse(responseCode = "202", description = "the run started: the rows under each key but the current one",
            content = @Content(schema = @Schema(implementation = PersonalDataRekey.Started.class)))
    @APIResponse(responseCode = "409", description = "A rekey run is still going (on any instance)")
    public Response start(@Context UriInfo uri) {
        return Response.accepted(rekey.start(actor.require())).location(uri.getAbsolutePath()).build();
    }

    @GET
    @Path("/rekey")
    @Operation(summary = "The progress of the latest rekey run, started on any instance: RUNNING, DONE or FAILED",
            description = "Read from the service's record of its runs, so every instance answers the same, after a "
                    + "restart too. A run whose instance stopped (no batch recorded for "
                    + "feedback.personal-data.rekey.stale-after, 30 s) is FAILED; its batches stay done.")
    @RolesAllowed(Access.MONITOR)
    @APIResponse(responseCode = "200", description = "the latest run's progress",
            content = @Content(schema = @Schema(implementation = RekeyProgress.Status.class)))
    @APIResponse(responseCode = "404", description = "No rekey run was ever started")
    public RekeyProgress.Status latest() {
        return progress.latest().orElseThrow(() -> new ApiException(404, ErrorTypes.NOT_FOUND,
                "no rekey run was ever started"));
    }
}
