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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.regex.Pattern;

/** The audit trail of this service: read per entity, and verify the whole chain. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Append-only, hash-chained record of every change by staff")
public class AuditResource {

    /** An entity type as the events name it (Task, Feedback, ReportDraft): the trail matches it exactly. */
    private static final Pattern ENTITY_TYPE = Pattern.compile("[A-Z][A-Za-z]{0,59}");

    private final AuditTrail trail;

    public AuditResource(AuditTrail trail) {
        this.trail = trail;
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
    public List<AuditEntry> entries(@PathParam("entityType") String entityType, @PathParam("entityId") String entityId) {
        // A malformed type or id named as such: an empty list would read as "never changed".
        if (!ENTITY_TYPE.matcher(entityType).matches()) {
            throw ApiException.badRequest("entityType", "must be an entity type as the events name it, capitalised: "
                    + "Task, Problem, Feedback, ReportDraft, …");
        }
        return trail.entriesFor(entityType, QueryParameters.requiredUuid("entityId", entityId).toString());
    }
}
