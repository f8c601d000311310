package io.rectification.platform.events;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorTypes;
import io.rectification.platform.security.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The dead letters of this service's consumers, for the administrator. Every service that consumes
 * events has them (each in its own database), so the resource lives here, next to
 * {@link DeadLetters}, and each service exposes it as it exposes the audit trail: a lost
 * escalation in tasks-service is then as visible as a broken projection in reporting-service.
 */
@Path("/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Events this service could not read or apply, with the reason")
public class DeadLetterResource {

    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(summary = "The latest messages that went to the dead-letter table, newest first")
    @RolesAllowed(Access.OPERATE)
    public List<DeadLetter> latest(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return deadLetters.latest(limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One dead letter: where it came from, why, and its message decoded for reading")
    @RolesAllowed(Access.OPERATE)
    public DeadLetter one(@PathParam("id") long id) {
        return deadLetters.find(id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}/payload")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "The message of one dead letter exactly as it was received (bytes, possibly not UTF-8)")
    @RolesAllowed(Access.OPERATE)
    public byte[] payload(@PathParam("id") long id) {
        return deadLetters.payload(id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(long id) {
        return new ApiException(404, ErrorTypes.NOT_FOUND, "no dead letter " + id);
    }
}
