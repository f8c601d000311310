package io.rectification.tasks.feedback;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.EventData;
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
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** Of the feedback topic's events (every public submission is one), only escalations. */
    @Override
    public Set<Class<? extends EventData>> reads() {
        return Set.of(FeedbackEvent.FeedbackEscalated.class);
    }

    @Override
    public void handle(EventEnvelope event) {
        long version = event.aggregateversion() == null ? 0 : event.aggregateversion();
        EventData data;
        try {
            data = EventContract.decode(event).orElse(null);
        } catch (IllegalArgumentException unreadable) {
            refuseUnreadable(event, version, unreadable);
            return;
        }
        if (data instanceof FeedbackEvent.FeedbackEscalated escalated) {
            escalate(escalated, version);
        }
    }

    /**
     * An escalation with a member not even of its type (an inspection id that is no UUID) cannot be
     * read as its record. It is refused all the same, naming the member, when the subject says which
     * feedback it is; anything else unreadable is dead-lettered. The reason does not repeat the value,
     * which staff wrote.
     */
    private void refuseUnreadable(EventEnvelope event, long version, IllegalArgumentException unreadable) {
        String member = unreadable.getCause() instanceof JsonMappingException mapping ? path(mapping) : "";
        UUID feedbackId = uuidOrNull(event.subject());
        if (!"FeedbackEscalated".equals(event.type()) || feedbackId == null || !member.startsWith("escalation.")) {
            throw unreadable;
        }
        if (problems.findProblemByFeedback(feedbackId).isEmpty()) {
            refusals.refuse(feedbackId, version, null, member, member + " is not a valid value of its type");
        }
    }

    private static String path(JsonMappingException mapping) {
        return mapping.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(Objects::nonNull).collect(Collectors.joining("."));
    }

    private static UUID uuidOrNull(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void escalate(FeedbackEvent.FeedbackEscalated escalated, long version) {
        UUID feedbackId = required(escalated.feedback() == null ? null : escalated.feedback().id(), "feedback.id");
        FeedbackEvent.Escalation escalation = required(escalated.escalation(), "escalation");
        if (problems.findProblemByFeedback(feedbackId).isPresent()) {
            LOG.debugf("feedback %s was escalated before; nothing to do", feedbackId);
            return;
        }
        // What cannot be applied is answered (FeedbackEscalationRefused), not only dead-lettered: staff see it.
        UUID inspectionId = escalation.inspectionId();
        String title;
        String description;
        try {
            if (inspectionId == null) {
                throw new Unusable("escalation.inspectionId", "escalation.inspectionId is missing");
            }
            if (Inspection.findById(inspectionId) == null) {
                refusals.refuse(feedbackId, version, inspectionId, "escalation.inspectionId",
                        "inspection " + inspectionId + " does not exist in tasks-service");
                return;
            }
            title = text(escalation.title(), "title", 500);
            description = escalation.description() != null ? text(escalation.description(), "description", 20000) : null;
        } catch (Unusable e) {
            refusals.refuse(feedbackId, version, inspectionId, e.field, e.getMessage());
            return;
        }
        problems.registerProblem(areaFor(inspectionId, escalation.areaId()), new ProblemInput(title, description),
                ProblemSource.FEEDBACK, feedbackId);
    }

    /**
     * The area the escalation names, or else the inspection's area for public feedback (registered when it
     * has none). An area the office cancelled (撤销) takes nothing more: the feedback goes to the public
     * feedback area that stands instead, as it would without an area named.
     */
    private FeedbackArea areaFor(UUID inspectionId, UUID areaId) {
        if (areaId != null) {
            FeedbackArea area = FeedbackArea.findById(areaId);
            if (area != null && area.inspectionId.equals(inspectionId) && area.cancellation == null) {
                return area;
            }
        }
        return FeedbackArea.<FeedbackArea>find("inspectionId = ?1 and title = ?2 and cancellation.at is null", inspectionId,
                        PUBLIC_FEEDBACK_AREA)
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
            throw new Unusable("escalation." + field, "escalation." + field + " must have 1 to " + max + " characters");
        }
        return value;
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
