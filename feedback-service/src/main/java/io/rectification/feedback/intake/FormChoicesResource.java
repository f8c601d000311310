package io.rectification.feedback.intake;

import io.rectification.feedback.feedback.FeedbackCategory;
import io.rectification.feedback.feedback.ReplyDeadlines;
import io.rectification.feedback.language.Language;
import io.rectification.feedback.language.PublicProblems;
import io.rectification.feedback.ledger.LedgerReadModel;
import io.rectification.feedback.publication.PublicationService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What the public form of a publication offers to choose: the categories with their reply days
 * (from the one rule, {@link ReplyDeadlines}, so the form never states its own), and the areas
 * (方面) and measures (整改措施, tasks-service's tasks) of the publication's inspection as far as
 * tasks-service has announced them. Public fields only: numbers and titles, nobody responsible.
 */
@Path("/publications/{id}/form-choices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Publications")
public class FormChoicesResource {

    private final PublicationService publications;
    private final LedgerReadModel ledger;
    private final ReplyDeadlines deadlines;

    public FormChoicesResource(PublicationService publications, LedgerReadModel ledger, ReplyDeadlines deadlines) {
        this.publications = publications;
        this.ledger = ledger;
        this.deadlines = deadlines;
    }

    @Schema(requiredProperties = {"category", "label", "replyDays"})
    public record CategoryChoice(FeedbackCategory category, String label, int replyDays) {
    }

    @Schema(requiredProperties = {"categories", "defaultReplyDays", "areas"})
    public record FormChoices(List<CategoryChoice> categories, int defaultReplyDays,
                              List<LedgerReadModel.AreaChoice> areas) {
    }

    @GET
    @PermitAll
    @Operation(summary = "The form's choices: categories with their reply days, the inspection's areas and measures (public)")
    public FormChoices choices(@PathParam("id") UUID publicationId, @Context HttpHeaders headers) {
        UUID inspectionId = publications.findPublication(publicationId)
                .orElseThrow(() -> PublicProblems.unknownPublication(Language.of(headers), publicationId))
                .inspectionId();
        List<CategoryChoice> categories = Arrays.stream(FeedbackCategory.values())
                .map(c -> new CategoryChoice(c, c.label, deadlines.daysFor(c))).toList();
        return new FormChoices(categories, deadlines.daysFor(null), ledger.choices(inspectionId));
    }
}
