package io.rectification.tasks.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventHandler;
import io.rectification.platform.events.EventTopics;
import io.rectification.tasks.area.AreaInput;
import io.rectification.tasks.area.AreaService;
import io.rectification.tasks.area.FeedbackArea;
import io.rectification.tasks.inspection.Inspection;
import io.rectification.tasks.problem.ProblemInput;
import io.rectification.tasks.problem.ProblemService;
import io.rectification.tasks.problem.ProblemSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Public feedback that staff escalated (FeedbackEscalated on the feedback topic) becomes a new
 * problem with source FEEDBACK, once per feedback: the feedback id is the problem's
 * {@code sourceFeedbackId}, so a second escalation of the same feedback changes nothing.
 * Without an area the problem goes into the inspection's area for public feedback, created once.
 */
@ApplicationScoped
public class FeedbackEscalationHandler implements EventHandler {

    static final String CONSUMER = "tasks-service.feedback-escalations";
    /** The area holding problems that came from public feedback without an area of their own. */
    static final String PUBLIC_FEEDBACK_AREA = "群众反馈意见建议";

    private static final Logger LOG = Logger.getLogger(FeedbackEscalationHandler.class);

    private final ProblemService problems;
    private final AreaService areas;
    private final EscalationRefusals refusals;

    public FeedbackEscalationHandler(ProblemService problems, AreaService areas, EscalationRefusals refusals) {
        this.problems = problems;
        this.areas = areas;
        this.refusals = refusals;
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public List<String> topics() {
        return List.of(EventTopics.FEEDBACK);
    }

    @Override
    public void handle(EventEnvelope event) {
        if (!"FeedbackEscalated".equals(event.type())) {
            return;
        }
        JsonNode data = event.data();
        UUID feedbackId = UUID.fromString(data.path("feedback").path("id").asText());
        JsonNode escalation = data.path("escalation");
        if (problems.findProblemByFeedback(feedbackId).isPresent()) {
            LOG.debugf("feedback %s was escalated before; nothing to do", feedbackId);
            return;
        }
        // What cannot be applied is answered (FeedbackEscalationRefused), not only dead-lettered: staff see it.
        UUID inspectionId = null;
        String title;
        String description;
        try {
            inspectionId = uuid(escalation, "inspectionId");
            if (Inspection.findById(inspectionId) == null) {
                refusals.refuse(feedbackId, version(event), inspectionId, "escalation.inspectionId",
                        "inspection " + inspectionId + " does not exist in tasks-service");
                return;
            }
            title = text(escalation, "title", 500);
            description = escalation.hasNonNull("description") ? text(escalation, "description", 20000) : null;
        } catch (Unusable e) {
            refusals.refuse(feedbackId, version(event), inspectionId, e.field, e.getMessage());
            return;
        }
        problems.registerProblem(areaFor(inspectionId, escalation.path("areaId")), new ProblemInput(title, description),
                ProblemSource.FEEDBACK, feedbackId);
    }

    private FeedbackArea areaFor(UUID inspectionId, JsonNode areaId) {
        if (areaId.isTextual()) {
            FeedbackArea area = FeedbackArea.findById(UUID.fromString(areaId.asText()));
            if (area != null && area.inspectionId.equals(inspectionId)) {
                return area;
            }
        }
        return FeedbackArea.<FeedbackArea>find("inspectionId = ?1 and title = ?2", inspectionId, PUBLIC_FEEDBACK_AREA)
                .firstResultOptional()
                .orElseGet(() -> areas.requireEntity(areas.registerArea(inspectionId, new AreaInput(PUBLIC_FEEDBACK_AREA)).id()));
    }

    private static String text(JsonNode node, String field, int max) {
        String value = node.path(field).asText("").strip();
        if (value.isEmpty() || value.length() > max) {
            throw new Unusable("escalation." + field, "escalation." + field + " must have 1 to " + max + " characters");
        }
        return value;
    }

    private static UUID uuid(JsonNode node, String field) {
        try {
            return UUID.fromString(node.path(field).asText(""));
        } catch (IllegalArgumentException e) {
            throw new Unusable("escalation." + field, "escalation." + field + " is not a UUID");
        }
    }

    private static long version(EventEnvelope event) {
        return event.aggregateversion() == null ? 0 : event.aggregateversion();
    }

    /** A member of the escalation that tasks-service cannot use, named by its path. */
    private static final class Unusable extends IllegalArgumentException {
        final String field;

        Unusable(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
