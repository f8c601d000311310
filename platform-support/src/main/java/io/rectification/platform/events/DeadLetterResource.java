package io.rectification.platform.events;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.security.Access;
import io.rectification.platform.security.CurrentActor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The dead letters of this service's consumers, for the administrator. Every service that consumes
 * events has them (each in its own database), so the resource lives here, next to
 * {@link DeadLetters}, and each service exposes it as it exposes the audit trail: a lost
 * escalation in tasks-service is then as visible as a broken projection in reporting-service.
 * Once its cause is dealt with, the operator replays or dismisses one ({@link DeadLetterResolutions}).
 */
@Path("/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Events this service could not read or apply, with the reason")
public class DeadLetterResource {

    /** Which dead letters a list shows: those still to be dealt with, or those an operator resolved. */
    public enum DeadLetterState {
        OPEN,
        RESOLVED
    }

    private static final String STILL_FAILS = "The message still cannot be read or applied: the problem's detail says "
            + "why; the dead letter stays open, its reason the new one and its attempts one more";
    private static final String RESOLVED_OR_UNHANDLED = "The dead letter was already resolved, or no consumer of this "
            + "service has its consumer's name (it can only be dismissed), or a read-model rebuild is "
            + "replacing the read models: replay it once the rebuild has ended; the dead letter is as it was";

    private final DeadLetters deadLetters;
    private final DeadLetterResolutions resolutions;
    private final CurrentActor actor;

    public DeadLetterResource(DeadLetters deadLetters, DeadLetterResolutions resolutions, CurrentActor actor) {
        this.deadLetters = deadLetters;
        this.resolutions = resolutions;
        this.actor = actor;
    }

    @GET
    @Operation(summary = "The latest messages that went to the dead-letter table, newest first")
    @RolesAllowed(Access.OPERATE)
    public List<DeadLetter> latest(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                                   @Parameter(description = "OPEN: not yet replayed or dismissed; RESOLVED: replayed "
                                           + "or dismissed; absent: all") @QueryParam("state") DeadLetterState state) {
        return deadLetters.latest(limit, state == null ? null : state == DeadLetterState.OPEN);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One dead letter: where it came from, why, and its message decoded for reading")
    @RolesAllowed(Access.OPERATE)
    public DeadLetter one(@PathParam("id") long id) {
        return deadLetters.find(id).orElseThrow(() -> DeadLetters.notFound(id));
    }

    @GET
    @Path("/{id}/payload")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "The message of one dead letter exactly as it was received (bytes, possibly not UTF-8)")
    @RolesAllowed(Access.OPERATE)
    public byte[] payload(@PathParam("id") long id) {
        return deadLetters.payload(id).orElseThrow(() -> DeadLetters.notFound(id));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Apply the dead letter's message now, through the handler of the consumer that recorded it",
            description = "As that consumer applies a message it receives: an event applied since (delivered again) "
                    + "changes nothing. Success resolves the dead letter as REPLAYED, by the caller, in the same "
                    + "transaction; reporting-service's read models keep the newest version of each row, so an old "
                    + "event does not move them back.")
    @RolesAllowed(Access.OPERATE)
    @APIResponse(responseCode = "200", description = "The message was applied (or had been since): the dead letter, resolved",
            content = @Content(schema = @Schema(implementation = DeadLetter.class)))
    @APIResponse(responseCode = "409", description = RESOLVED_OR_UNHANDLED)
    @APIResponse(responseCode = "422", description = STILL_FAILS)
    public DeadLetter replay(@PathParam("id") long id) {
        return resolutions.replay(id, actor.require());
    }

    @POST
    @Path("/{id}/dismissal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve the dead letter without applying it (a poison message, a test's), saying why")
    @RolesAllowed(Access.OPERATE)
    @APIResponse(responseCode = "200", description = "The dead letter, resolved as DISMISSED",
            content = @Content(schema = @Schema(implementation = DeadLetter.class)))
    @APIResponse(responseCode = "409", description = "The dead letter was already resolved")
    public DeadLetter dismiss(@PathParam("id") long id,
                              @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                      examples = @ExampleObject(name = "a test's message", value = """
                                              {
                                                "reason": "联调时手工发送的测试消息，不是业务事件，无需处理。"
                                              }"""))) @Valid DeadLetterDismissal input) {
        if (input == null) {
            throw ApiException.badRequest("reason", "must not be blank");
        }
        return resolutions.dismiss(id, actor.require(), input.reason().strip());
    }
}
