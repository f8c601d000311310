package io.rectification.tasks.feedback;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.FeedbackEvent;
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

    public FeedbackEscalationHandler(ProblemService problems, AreaService areas) {
        this.problems = problems;
        this.areas = areas;
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
        if (EventContract.decode(event).orElse(null) instanceof FeedbackEvent.FeedbackEscalated escalated) {
            escalate(escalated);
        }
    }

    private void escalate(FeedbackEvent.FeedbackEscalated escalated) {
        UUID feedbackId = required(escalated.feedback() == null ? null : escalated.feedback().id(), "feedback.id");
        FeedbackEvent.Escalation escalation = required(escalated.escalation(), "escalation");
        if (problems.findProblemByFeedback(feedbackId).isPresent()) {
            LOG.debugf("feedback %s was escalated before; nothing to do", feedbackId);
            return;
        }
        UUID inspectionId = required(escalation.inspectionId(), "escalation.inspectionId");
        if (Inspection.findById(inspectionId) == null) {
            throw new IllegalArgumentException("escalation names inspection " + inspectionId + ", which does not exist here");
        }
        String title = text(escalation.title(), "title", 500);
        String description = escalation.description() != null ? text(escalation.description(), "description", 20000) : null;
        problems.registerProblem(areaFor(inspectionId, escalation.areaId()), new ProblemInput(title, description),
                ProblemSource.FEEDBACK, feedbackId);
    }

    private FeedbackArea areaFor(UUID inspectionId, UUID areaId) {
        if (areaId != null) {
            FeedbackArea area = FeedbackArea.findById(areaId);
            if (area != null && area.inspectionId.equals(inspectionId)) {
                return area;
            }
        }
        return FeedbackArea.<FeedbackArea>find("inspectionId = ?1 and title = ?2", inspectionId, PUBLIC_FEEDBACK_AREA)
                .firstResultOptional()
                .orElseGet(() -> areas.requireEntity(areas.registerArea(inspectionId, new AreaInput(PUBLIC_FEEDBACK_AREA)).id()));
    }

    private static <T> T required(T value, String member) {
        if (value == null) {
            throw new IllegalArgumentException("FeedbackEscalated has no " + member);
        }
        return value;
    }

    private static String text(String text, String field, int max) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException("escalation." + field + " must have 1 to " + max + " characters");
        }
        return value;
    }
}
