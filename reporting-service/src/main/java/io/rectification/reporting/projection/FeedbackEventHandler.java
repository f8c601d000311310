package io.rectification.reporting.projection;

import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventHandler;
import io.rectification.platform.events.EventTopics;
import io.rectification.reporting.notice.NoticeCauses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;

/** Builds the publication and feedback read models from rectification.feedback.v1; unknown types are ignored. */
@ApplicationScoped
public class FeedbackEventHandler implements EventHandler {

    /** Notices ride along in the event's transaction (docs/notices.md). */
    @Inject
    NoticeCauses notices;

    static final Set<String> FEEDBACK_EVENTS = Set.of("FeedbackReceived", "FeedbackTriaged", "FeedbackAnswered",
            "FeedbackClosed", "FeedbackEscalated", "FeedbackMerged");

    private final ConsumerNames names;
    private final FeedbackProjection projection;

    public FeedbackEventHandler(ConsumerNames names, FeedbackProjection projection) {
        this.names = names;
        this.projection = projection;
    }

    @Override
    public String consumerName() {
        return names.feedback();
    }

    @Override
    public List<String> topics() {
        return List.of(EventTopics.FEEDBACK);
    }

    @Override
    public void handle(EventEnvelope event) {
        if ("PublicationCreated".equals(event.type()) || "PublicationUpdated".equals(event.type())) {
            projection.publication(event);
        } else if (FEEDBACK_EVENTS.contains(event.type())) {
            projection.feedback(event);
        }
        notices.feedbackEvent(event);
    }
}
