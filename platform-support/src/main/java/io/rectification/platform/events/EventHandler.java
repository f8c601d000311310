package io.rectification.platform.events;

import io.rectification.platform.contract.EventData;

import java.util.List;
import java.util.Set;

/**
 * A consumer of events: implement it as a CDI bean and {@link EventConsumers} runs a Kafka
 * consumer for it. {@link #handle} runs inside a transaction that also records the event id, so
 * an event redelivered after a crash or duplicated by the relay changes nothing the second time.
 */
public interface EventHandler {

    /** The consumer group; also the name under which consumed event ids are recorded. */
    String consumerName();

    List<String> topics();

    /**
     * The records (or the sealed families of records) of the events this handler reads. Any other
     * event, known by its {@code ce_type} header, is passed over unread and unrecorded, as is a type
     * this build does not know: a handler that wants one type of a busy topic then no longer parses
     * and records every event of the others. Empty, the default: every event is read, and so is a
     * message without the header.
     */
    default Set<Class<? extends EventData>> reads() {
        return Set.of();
    }

    /**
     * Applies one event. Runs in a transaction; throwing rolls it back and sends the event to the
     * dead-letter table with the exception's message, and consumption goes on with the next one.
     * Unknown event types should simply be ignored (the consumer counts and logs them:
     * {@link UnknownEventTypes}). A handler must not mark the transaction for
     * rollback itself (a {@code @Transactional} on it needs {@code dontRollbackOn = RuntimeException.class}):
     * a replay ({@link EventReplay}) rolls a failed event back to a savepoint and goes on.
     */
    void handle(EventEnvelope event);

    /**
     * Applies the events of one poll, in their order, each delivered here for the first time. The
     * result must equal {@link #handle} of each in turn (a handler may fold several events that
     * touch one row into one write); throwing rolls the whole batch back, after which its events
     * are applied one by one with {@link #handle}, so a poison message is dead-lettered alone.
     */
    default void handleAll(java.util.List<EventEnvelope> events) {
        events.forEach(this::handle);
    }

    /**
     * {@link #handleAll} for a rebuild's replay, which emptied the read models in its transaction and
     * hands each event here once: rows that are only ever added may be written by a cheaper means
     * that fails when one is there already (COPY) instead of skipping it. Such a failure rolls the
     * batch back and the replay applies it again with {@link #handleAll}, so the result is the same.
     */
    default void replayAll(java.util.List<EventEnvelope> events) {
        handleAll(events);
    }
}
