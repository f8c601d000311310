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

import java.util.ArrayList;
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

    /**
     * The events of a poll in their order; runs of feedback changes that the snapshot says all of
     * (received, triaged, answered, closed: nearly all) go to the projection together, in one batch.
     */
    @Override
    public void handleAll(List<EventEnvelope> events) {
        List<FeedbackProjection.Change> run = new ArrayList<>();
        for (EventEnvelope event : events) {
            EventData data = EventContract.decode(event).orElse(null);
            if (data instanceof FeedbackEvent.FeedbackChange change && !FeedbackProjection.hasOutcome(change)) {
                run.add(new FeedbackProjection.Change(event, change));
            } else {
                applyRun(run);
                apply(event, data);
            }
            notices.feedbackEvent(event, data);
        }
        applyRun(run);
    }

    private void applyRun(List<FeedbackProjection.Change> run) {
        if (!run.isEmpty()) {
            projection.snapshotsOnly(run);
            run.clear();
        }
    }

    @Override
    public void handle(EventEnvelope event) {
        EventData data = EventContract.decode(event).orElse(null);
        apply(event, data);
        notices.feedbackEvent(event, data);
    }

    private void apply(EventEnvelope event, EventData data) {
        if (data instanceof FeedbackEvent.PublicationChange change) {
            projection.publication(event, change.publication());
        } else if (data instanceof FeedbackEvent.FeedbackChange change) {
            projection.feedback(event, change);
        }
    }
}
