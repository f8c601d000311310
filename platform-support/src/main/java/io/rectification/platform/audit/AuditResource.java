package io.rectification.platform.audit;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.rest.QueryParameters;
import io.rectification.platform.security.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The audit trail of this service: read per entity, and verify the whole chain. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Append-only, hash-chained record of every change by staff")
public class AuditResource {

    /** The property naming the entity types this service audits (as its events name them), each once. */
    public static final String ENTITY_TYPES = "platform.audit.entity-types";
    /**
     * The entity type of the platform's dead letters (events/DeadLetterResolutions), which every
     * consuming service audits: the one whose ids are numbers (the table's), not UUIDs.
     */
    public static final String DEAD_LETTER = "DeadLetter";

    private final AuditTrail trail;
    private final List<String> entityTypes;

    public AuditResource(AuditTrail trail, @ConfigProperty(name = ENTITY_TYPES) List<String> entityTypes) {
        this.trail = trail;
        this.entityTypes = List.copyOf(entityTypes);
    }

    @GET
    @Path("verify")
    @RolesAllowed(Access.AUDIT)
    @Operation(summary = "Recompute the hash chain; names the first broken entry")
    public AuditVerification verify() {
        return trail.verify();
    }

    @GET
    @Path("{entityType}/{entityId}")
    @RolesAllowed(Access.AUDIT)
    @Operation(summary = "Every recorded change of one entity, oldest first")
    public List<AuditEntry> entries(@PathParam("entityType") String entityType,
                                    @Parameter(description = "the entity's id: a UUID, or for DeadLetter the dead letter's number")
                                    @PathParam("entityId") String entityId) {
        // A type this service does not audit, or a malformed id, named as such: an empty list would
        // read as "never changed".
        if (!entityTypes.contains(entityType)) {
            throw ApiException.badRequest("entityType", "'" + entityType + "' is not one of "
                    + String.join(", ", entityTypes) + " (the entity types this service audits)");
        }
        String id = DEAD_LETTER.equals(entityType) ? number(entityId)
                : QueryParameters.requiredUuid("entityId", entityId).toString();
        return trail.entriesFor(entityType, id);
    }

    private static String number(String entityId) {
        if (!entityId.matches("[1-9][0-9]{0,17}")) {
            throw ApiException.badRequest("entityId", "'" + entityId + "' is not a dead letter's number");
        }
        return entityId;
    }
}
