package io.rectification.platform.events;

/** One topic per producing service; keyed by aggregate id; retention unlimited (see deploy/local/stack). */
public final class EventTopics {
    public static final String TASKS = "rectification.tasks.v1";
    public static final String FEEDBACK = "rectification.feedback.v1";

    private EventTopics() {
    }
}
