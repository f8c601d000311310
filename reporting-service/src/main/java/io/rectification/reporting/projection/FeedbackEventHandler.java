package io.rectification.reporting.projection;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.EventData;
import io.rectification.platform.contract.FeedbackEvent;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventHandler;
import io.rectification.platform.events.EventTopics;
import io.rectification.reporting.notice.NoticeCauses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Builds the publication and feedback read models from rectification.feedback.v1; unknown types are ignored. */
@ApplicationScoped
public class FeedbackEventHandler implements EventHandler {

    /** Notices ride along in the event's transaction (docs/notices.md). */
    @Inject
    NoticeCauses notices;

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
        EventData data = EventContract.decode(event).orElse(null);
        if (data instanceof FeedbackEvent.PublicationChange change) {
            projection.publication(event, change.publication());
        } else if (data instanceof FeedbackEvent.FeedbackChange change) {
            projection.feedback(event, change);
        }
        notices.feedbackEvent(event, data);
    }
}
