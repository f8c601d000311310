package io.rectification.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rectification.platform.error.DatabaseUnavailable;
import io.rectification.platform.error.TransactionConflict;
import io.rectification.platform.logging.EventLogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one Kafka consumer thread per {@link EventHandler} bean. The events of one poll are applied
 * in one transaction together with the record of their ids (one statement for the ids, and the
 * handler applies them together: {@link EventHandler#handleAll}); when any of them fails the batch is rolled
 * back and applied again in halves, each in a transaction of its own, down to single events, so the
 * good ones land and the one that cannot be read or applied goes to the dead-letter table with its
 * bytes as received, and consumption continues. Messages of types the handler does not read ({@link EventHandler#reads}) are passed
 * over by their type header before any of that. Those of a type this build does not know at all
 * (passed over so, or read and ignored by the handler) are counted and logged once per type
 * ({@link UnknownEventTypes}), so a newer producer's events do not vanish unseen. A message whose dead letter an
 * operator dismissed, read again after the group's offsets were reset, is passed over too ({@link DismissedMessages}):
 * each time partitions are assigned (which a reset implies: the group must be empty for it) the consumer
 * loads its dismissals, and a dismissal made here reaches it at once. Offsets are committed only past applied batches,
 * without waiting and at most about once a second ({@link OffsetCommits}), so a crash or a
 * rebalance replays events, which the id record turns into no-ops.
 *
 * <p>A message that cannot even be recorded as a dead letter (PostgreSQL away) holds its consumer:
 * it is read again after a pause, and until the consumer moves past it the readiness check is
 * DOWN ({@link ConsumersHealthCheck}), the gauge {@code rectification_consumer_halted} is 1 and the
 * log names the topic, partition and offset.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final Instance<EventHandler> handlers;
    private final ConsumedEvents consumedEvents;
    private final DeadLetters deadLetters;
    private final EventReader reader;
    private final EventTracing tracing;
    private final MeterRegistry meters;
    private final String bootstrapServers;
    private final boolean enabled;
    private final Optional<String> instanceId;
    private final Duration sessionTimeout;
    private final Map<String, Worker> workers = new ConcurrentHashMap<>();

    public EventConsumers(Instance<EventHandler> handlers, ConsumedEvents consumedEvents, DeadLetters deadLetters,
                          EventReader reader, EventTracing tracing, MeterRegistry meters,
                          @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                          @ConfigProperty(name = "platform.consumers.enabled", defaultValue = "true") boolean enabled,
                          @ConfigProperty(name = "platform.consumers.instance-id") Optional<String> instanceId,
                          @ConfigProperty(name = "platform.consumers.session-timeout", defaultValue = "10s") Duration sessionTimeout) {
        this.handlers = handlers;
        this.consumedEvents = consumedEvents;
        this.deadLetters = deadLetters;
        this.reader = reader;
        this.tracing = tracing;
        this.meters = meters;
        this.bootstrapServers = bootstrapServers;
        this.enabled = enabled;
        this.instanceId = instanceId;
        this.sessionTimeout = sessionTimeout;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        for (EventHandler handler : handlers) {
            Worker worker = new Worker(handler);
            workers.put(handler.consumerName(), worker);
            Gauge.builder("rectification.consumer.halted", worker, w -> w.halt == null ? 0 : 1)
                    .description("1 while the consumer stands at a message it could neither apply nor record as a dead letter")
                    .tag("consumer", handler.consumerName()).register(meters);
            worker.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        workers.values().forEach(Worker::shutdown);
        workers.clear();
    }

    /**
     * Runs {@code work} while the named consumers apply nothing: each finishes the batch in hand
     * (applied and committed) and then waits. A rebuild replays with them held, so nothing they
     * apply meanwhile falls between its clearing and its replay. Held longer than the client's
     * {@code max.poll.interval.ms} (5 min), a consumer leaves its group and joins again afterwards.
     */
    public <T> T whilePaused(List<String> consumerNames, Duration wait, Callable<T> work) throws Exception {
        List<ReentrantLock> held = new ArrayList<>();
        try {
            for (String name : consumerNames) {
                Worker worker = workers.get(name);
                if (worker == null) {
                    throw new IllegalArgumentException("no consumer named " + name + " runs here");
                }
                if (!worker.applying.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("consumer " + name + " did not pause within " + wait.toSeconds() + " s");
                }
                held.add(worker.applying);
            }
            return work.call();
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
    }

    /**
     * After an operator's dismissal of one of the named consumer's dead letters has committed: its
     * message is passed over from now on, should it be read again. Other instances learn of it when
     * their partitions are next assigned.
     */
    void dismissed(DeadLetter letter) {
        Worker worker = workers.get(letter.consumer());
        if (worker != null) {
            worker.dismissed.add(letter.topic(), letter.partition(), letter.offset());
        }
    }

    /**
     * After a replay of the named consumer's topic has committed ({@code ends}: the position after
     * its last event, per partition): the live consumer, where it stands behind, moves forward to
     * them before its next poll instead of reading the replayed events again ({@link ReplayedPositions}).
     */
    public void replayed(String consumerName, Map<TopicPartition, Long> ends) {
        Worker worker = workers.get(consumerName);
        if (worker != null) {
            worker.replayed.replayed(ends);
        }
    }

    /** The handler of the named consumer running here. */
    public EventHandler handler(String consumerName) {
        Worker worker = workers.get(consumerName);
        if (worker == null) {
            throw new IllegalArgumentException("no consumer named " + consumerName + " runs here");
        }
        return worker.handler;
    }

    /** What a consumer running here last did: when it last applied an event (null: none yet). */
    public record Progress(Instant lastAppliedAt) {
    }

    /** The progress of the named consumer running here; empty when no such consumer runs. */
    public Optional<Progress> progress(String consumerName) {
        Worker worker = workers.get(consumerName);
        return worker == null ? Optional.empty() : Optional.of(new Progress(worker.lastAppliedAt));
    }

    private final class Worker extends Thread {
        private final EventHandler handler;
        private volatile boolean running = true;
        /**
         * Held while a batch is polled, applied and committed; a rebuild holds it to pause the consumer.
         * Fair, so that a rebuild waiting for it gets it when the current poll ends: unfair, the worker
         * took it straight back after every poll and the rebuild lost the race poll after poll (0.5-2 s
         * a rebuild in the tests, and nothing but chance kept it under its 30 s limit).
         */
        private final ReentrantLock applying = new ReentrantLock(true);
        private volatile KafkaConsumer<String, byte[]> consumer;
        private volatile Instant lastAppliedAt;
        private volatile ConsumerHalt halt;
        /** Whether the last poll was sent back by the gate (for saying so once, not at every pause). */
        private boolean waitingAtTheGate;
        private final ConsumerTimings timings;
        private final EventInterest interest;
        private final UnknownEventTypes unknownTypes;
        /** Registered at the start, so it is exported at 0 (as the unknown types' count is) rather than missing until the first. */
        private final Counter deadLettered;
        private final ReplayedPositions replayed = new ReplayedPositions();
        private final DismissedMessages dismissed = new DismissedMessages();

        Worker(EventHandler handler) {
            super("event-consumer-" + handler.consumerName());
            this.handler = handler;
            this.interest = new EventInterest(handler.reads());
            this.timings = new ConsumerTimings(meters, handler.consumerName());
            this.unknownTypes = new UnknownEventTypes(meters, handler.consumerName());
            this.deadLettered = Counter.builder("rectification.consumer.dead.letters")
                    .description("Messages this consumer recorded as dead letters since the start")
                    .tag("consumer", handler.consumerName()).register(meters);
            setDaemon(true);
        }

        @Override
        public void run() {
            // Short and capped: a consumer resumes soon after PostgreSQL or Kafka is back.
            Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));
            while (running) {
                KafkaConsumer<String, byte[]> kafka = null;
                try {
                    kafka = new KafkaConsumer<>(KafkaSettings.eventConsumer(bootstrapServers, handler.consumerName(),
                            instanceId, sessionTimeout));
                    consumer = kafka;
                    OffsetCommits commits = new OffsetCommits(kafka, handler.consumerName(), System::nanoTime);
                    kafka.subscribe(handler.topics(), rebalances(commits));
                    while (running) {
                        if (!applying.tryLock(500, TimeUnit.MILLISECONDS)) {
                            continue; // paused for a rebuild
                        }
                        boolean sentBack = false;
                        try {
                            moveOnPastReplayed(kafka, commits);
                            ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
                            if (!records.isEmpty()) {
                                timings.record(ConsumerTimings.Stage.RECEIVED, records);
                                commits.applying();
                                sentBack = !appliedOrSentBack(kafka, records);
                                if (!sentBack) {
                                    commits.applied();
                                    timings.record(ConsumerTimings.Stage.APPLIED, records);
                                    movedOn();
                                }
                            }
                            if (!sentBack) {
                                commits.afterPoll(records.isEmpty());
                            }
                        } finally {
                            applying.unlock();
                        }
                        if (sentBack) {
                            pause(backoff.next());
                        } else {
                            backoff.reset();
                        }
                    }
                } catch (WakeupException e) {
                    // shutdown
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (NotRecorded e) {
                    if (!running) {
                        break;
                    }
                    Duration wait = backoff.next();
                    halt(e.halt, wait);
                    pause(wait);
                } catch (RuntimeException e) {
                    if (!running) {
                        break;
                    }
                    // Typically PostgreSQL is unreachable: uncommitted records are read again after the pause.
                    Duration wait = backoff.next();
                    LOG.warnf("consumer %s stopped on %s; restarting in %d ms", handler.consumerName(),
                            e.toString(), wait.toMillis());
                    pause(wait);
                } finally {
                    if (kafka != null) {
                        leave(kafka);
                    }
                }
            }
        }

        /**
         * Commits before partitions go ({@link OffsetCommits}); loads the dismissals as they come, before
         * any of their records is read. Should that fail (PostgreSQL away), the poll fails and the
         * consumer starts again after the pause, reading nothing without them.
         */
        private ConsumerRebalanceListener rebalances(OffsetCommits commits) {
            return new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    commits.onPartitionsRevoked(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (!partitions.isEmpty()) {
                        dismissed.addAll(QuarkusTransaction.requiringNew()
                                .call(() -> deadLetters.dismissed(handler.consumerName())));
                    }
                }
            };
        }

        /**
         * Closes the client and leaves the group, also as a static member (which a plain close does
         * not): the partitions go to the other instances at once instead of after the session timeout.
         */
        private void leave(KafkaConsumer<String, byte[]> kafka) {
            try {
                kafka.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(Duration.ofSeconds(5)));
            } catch (RuntimeException e) {
                LOG.debugf("consumer %s: closing: %s", handler.consumerName(), e);
            }
        }

        private void moveOnPastReplayed(KafkaConsumer<String, byte[]> kafka, OffsetCommits commits) {
            Map<TopicPartition, Long> moved = replayed.moveOn(kafka);
            if (!moved.isEmpty()) {
                // The new positions are past applied events, as after an applied poll: committed as those are.
                commits.applied();
                LOG.infof("consumer %s moved past the events a replay applied: %s", handler.consumerName(), moved);
            }
        }

        private void halt(ConsumerHalt at, Duration retryIn) {
            ConsumerHalt previous = halt;
            halt = previous != null && previous.position().equals(at.position()) ? previous : at;
            LOG.errorf("consumer %s stopped at topic %s partition %d offset %d: the message could neither be applied "
                            + "nor recorded as a dead letter (%s); readiness is DOWN; reading it again in %d ms",
                    handler.consumerName(), at.topic(), at.partition(), at.offset(), at.reason(), retryIn.toMillis());
        }

        private void movedOn() {
            ConsumerHalt previous = halt;
            if (previous != null) {
                halt = null;
                LOG.infof("consumer %s moved past %s", handler.consumerName(), previous.position());
            }
        }

        /**
         * Applies the poll; false when the gate sent it back ({@link ApplyGate}: a rebuild replaces the read
         * models). Its partitions are then read again from the poll's first record after the pause, by
         * the same client: it stays in its group (leaving and joining every pause, for the minutes a
         * rebuild lasts, made every member of the group rebalance each time). Events of the poll applied
         * before the gate closed are read again as no-ops. Said once when it starts waiting and once when
         * it goes on.
         */
        private boolean appliedOrSentBack(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
            try {
                applyBatch(records);
            } catch (RuntimeException e) {
                if (!ApplyGate.Closed.causedBy(e)) {
                    throw e;
                }
                records.partitions().forEach(partition -> kafka.seek(partition, records.records(partition).get(0).offset()));
                if (!waitingAtTheGate) {
                    waitingAtTheGate = true;
                    LOG.infof("consumer %s waits: %s", handler.consumerName(), e.getMessage());
                }
                return false;
            }
            if (waitingAtTheGate) {
                waitingAtTheGate = false;
                LOG.infof("consumer %s goes on: the read models are no longer being replaced", handler.consumerName());
            }
            return true;
        }

        private void applyBatch(ConsumerRecords<String, byte[]> polled) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
            polled.forEach(record -> {
                if (dismissed.passesOver(record)) {
                    LOG.infof("consumer %s passed over the message at %s-%d@%d: its dead letter was dismissed",
                            handler.consumerName(), record.topic(), record.partition(), record.offset());
                } else if (interest.wants(record)) {
                    records.add(record);
                } else {
                    unknownTypes.noteIfUnknown(record, CloudEventHeaders.value(record.headers(), "ce_type"));
                }
            });
            // A poison message in a poll of 500 costs some 18 transactions instead of 500.
            InHalves.apply(records, this::appliedTogether, this::apply);
        }

        /**
         * True when the records were applied in one transaction; false, and nothing of them kept, when
         * that failed. A database that is away fails the poll at once, and so does a transaction conflict
         * still lost after {@link ConflictRetry}'s attempts; it is read again after the pause.
         */
        private boolean appliedTogether(List<ConsumerRecord<String, byte[]>> records) {
            // One CONSUMER span per record, each continuing its own producer's trace, all
            // covering the batch they are applied in together.
            List<Span> spans = new ArrayList<>(records.size());
            records.forEach(record -> spans.add(tracing.consuming(record, handler.consumerName())));
            EventLogContext logged = EventLogContext.ofBatch(records);
            try {
                boolean anyApplied = ConflictRetry.call(() -> QuarkusTransaction.requiringNew().call(() -> {
                    List<EventEnvelope> events = new ArrayList<>(records.size());
                    for (ConsumerRecord<String, byte[]> record : records) {
                        EventEnvelope event = reader.read(record.value());
                        unknownTypes.noteIfUnknown(record, event.type());
                        events.add(event);
                    }
                    return consumedEvents.applyAllOnce(handler, events) > 0;
                }), this::pause);
                if (anyApplied) {
                    lastAppliedAt = Instant.now();
                }
                spans.forEach(Span::end);
                return true;
            } catch (RuntimeException e) {
                spans.forEach(span -> span.setAttribute("rectification.batch.failed", true).end());
                if (notTheEvents(e) != null) {
                    throw e;
                }
                LOG.debugf("consumer %s: a batch of %d failed (%s); applying it in halves",
                        handler.consumerName(), records.size(), e);
                return false;
            } finally {
                logged.close();
            }
        }

        /**
         * Why {@code failure} is no fault of the events it failed (they must not be dead-lettered for it),
         * or null when it may be theirs: this consumer's database is away (the fault suite cut it off and
         * an event was dead-lettered "not applied: … not currently accepting connections"), a concurrent
         * transaction kept winning ({@link ConflictRetry}), or the read models are being replaced
         * ({@link ApplyGate}).
         */
        private static String notTheEvents(RuntimeException failure) {
            if (DatabaseUnavailable.causedBy(failure)) {
                return "database unavailable";
            }
            if (TransactionConflict.causedBy(failure)) {
                return "transaction conflict";
            }
            return ApplyGate.Closed.causedBy(failure) ? "not applied now" : null;
        }

        private boolean applyOnce(EventEnvelope event) {
            return consumedEvents.applyOnce(handler, event);
        }

        private void apply(ConsumerRecord<String, byte[]> record) {
            Span span = tracing.consuming(record, handler.consumerName());
            try (Scope ignored = span.makeCurrent(); EventLogContext logged = EventLogContext.of(record)) {
                applyTraced(record, span);
            } finally {
                span.end();
            }
        }

        private void applyTraced(ConsumerRecord<String, byte[]> record, Span span) {
            EventEnvelope event;
            try {
                event = reader.read(record.value());
            } catch (EventReader.UnreadableMessage e) {
                deadLetter(record, null, null, e.getMessage());
                return;
            }
            unknownTypes.noteIfUnknown(record, event.type());
            try {
                boolean applied = ConflictRetry.call(() -> QuarkusTransaction.requiringNew().call(() -> applyOnce(event)),
                        this::pause);
                if (applied) {
                    lastAppliedAt = Instant.now();
                }
            } catch (RuntimeException e) {
                String notTheEvents = notTheEvents(e);
                if (notTheEvents != null) {
                    // The poll is not committed; it is read again after the pause.
                    span.setStatus(StatusCode.ERROR, notTheEvents);
                    throw e;
                }
                span.setStatus(StatusCode.ERROR, "dead-lettered");
                deadLetter(record, event.id(), event.type(), DeadLetters.notApplied(e));
            }
        }

        private void deadLetter(ConsumerRecord<String, byte[]> record, String eventId, String eventType, String reason) {
            LOG.warnf("consumer %s: %s at %s-%d@%d sent to dead letters: %s", handler.consumerName(),
                    eventType == null ? "message" : DeadLetters.storable(eventType, 200), record.topic(),
                    record.partition(), record.offset(), DeadLetters.storable(reason, DeadLetters.MAX_REASON));
            try {
                deadLetters.record(new DeadLetters.Failure(handler.consumerName(), record.topic(), record.partition(),
                        record.offset(), eventId, eventType, reason, record.value()));
            } catch (RuntimeException e) {
                throw new NotRecorded(new ConsumerHalt(handler.consumerName(), record.topic(), record.partition(),
                        record.offset(), DeadLetters.storable(reason + "; then recording it failed: " + e, 500),
                        Instant.now()));
            }
            deadLettered.increment();
        }

        void shutdown() {
            running = false;
            KafkaConsumer<String, byte[]> current = consumer;
            if (current != null) {
                current.wakeup();
            }
            try {
                join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void pause(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A message that could not even be recorded as a dead letter: the consumer must not move past it. */
    private static final class NotRecorded extends RuntimeException {
        final ConsumerHalt halt;

        NotRecorded(ConsumerHalt halt) {
            super(halt.reason());
            this.halt = halt;
        }
    }

    /** The consumers that stand at a message they could neither apply nor record. */
    public List<ConsumerHalt> halts() {
        return workers.values().stream().map(worker -> worker.halt).filter(java.util.Objects::nonNull).toList();
    }

    /** For tests and diagnostics: the consumer names that run here. */
    public List<String> consumerNames() {
        return List.copyOf(workers.keySet());
    }
}
