package io.rectification.tasks.task;

import io.rectification.platform.rest.QueryParameters;
import io.rectification.platform.security.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The look-back reviews held across a plan. The reviews due or overdue (not yet held) are tasks:
 * {@code GET /tasks?inspectionId=…&lookBackDueBy=…}.
 */
@Path("/look-back-reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
public class LookBackReviewResource {

    private final LookBackReviews reviews;

    public LookBackReviewResource(LookBackReviews reviews) {
        this.reviews = reviews;
    }

    @GET
    @Operation(summary = "回头看 held on the tasks of an inspection, newest first: outcome, reason/findings, reviewer, time, new problem")
    @RolesAllowed(Access.READ)
    public List<LookBackReviewView> list(@QueryParam("inspectionId") String inspectionId) {
        return reviews.ofInspection(QueryParameters.uuid("inspectionId", inspectionId));
    }
}
