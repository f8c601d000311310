package io.rectification.platform.contract;

/**
 * The {@code data} of one event type: a record nested in its topic's family ({@link TasksEvent},
 * {@link FeedbackEvent}), whose simple name is the event type. Producers write these records and
 * consumers read them ({@link EventContract#decode}); docs/events/ is the schema they must match.
 */
public interface EventData {
}
