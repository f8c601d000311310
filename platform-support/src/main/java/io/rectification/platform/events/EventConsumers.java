package io.rectification.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one Kafka consumer thread per {@link EventHandler} bean. The events of one poll are applied
 * in one transaction together with the record of their ids (one commit per batch is what lets a
 * rebuild replay a million events in about a minute); when any of them fails the batch is rolled
 * back and applied again one event per transaction, so the good ones land and the one that cannot
 * be read or applied goes to the dead-letter table, and consumption continues. Offsets are
 * committed after the batch is applied, so a crash replays events, which the id record turns into
 * no-ops.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final Instance<EventHandler> handlers;
    private final ConsumedEvents consumedEvents;
    private final DeadLetters deadLetters;
    private final ObjectMapper objectMapper;
    private final String bootstrapServers;
    private final boolean enabled;
    private final Map<String, Worker> workers = new ConcurrentHashMap<>();

    public EventConsumers(Instance<EventHandler> handlers, ConsumedEvents consumedEvents, DeadLetters deadLetters,
                          ObjectMapper objectMapper,
                          @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                          @ConfigProperty(name = "platform.consumers.enabled", defaultValue = "true") boolean enabled) {
        this.handlers = handlers;
        this.consumedEvents = consumedEvents;
        this.deadLetters = deadLetters;
        this.objectMapper = objectMapper;
        this.bootstrapServers = bootstrapServers;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        for (EventHandler handler : handlers) {
            Worker worker = new Worker(handler);
            workers.put(handler.consumerName(), worker);
            worker.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        workers.values().forEach(Worker::shutdown);
        workers.clear();
    }

    /** Makes the named consumer read its topics again from the beginning (for a rebuild). */
    public void rewind(String consumerName) {
        Worker worker = workers.get(consumerName);
        if (worker == null) {
            throw new IllegalArgumentException("no consumer named " + consumerName);
        }
        // Forgotten at once, so no reader takes the positions from before the rewind for replay progress.
        worker.nextOffsets.clear();
        worker.rewindRequested = true;
    }

    /**
     * Where a consumer stands, as its worker last saw it: per topic-partition the offset of the next
     * record it will read (only partitions it has read since it started or was rewound), whether a
     * rewind is still waiting for its partitions, and when an event was last applied.
     */
    public record Progress(boolean rewindPending, Map<TopicPartition, Long> nextOffsets, Instant lastAppliedAt) {
    }

    /** The progress of the named consumer running here; empty when no such consumer runs. */
    public Optional<Progress> progress(String consumerName) {
        Worker worker = workers.get(consumerName);
        if (worker == null) {
            return Optional.empty();
        }
        boolean pending = worker.rewindRequested;
        return Optional.of(new Progress(pending, Map.copyOf(worker.nextOffsets), worker.lastAppliedAt));
    }

    private final class Worker extends Thread {
        private final EventHandler handler;
        private volatile boolean running = true;
        private volatile boolean rewindRequested;
        private volatile KafkaConsumer<String, String> consumer;
        private final Map<TopicPartition, Long> nextOffsets = new ConcurrentHashMap<>();
        private volatile Instant lastAppliedAt;

        Worker(EventHandler handler) {
            super("event-consumer-" + handler.consumerName());
            this.handler = handler;
            setDaemon(true);
        }

        @Override
        public void run() {
            Duration backoff = Duration.ofMillis(500);
            while (running) {
                try (KafkaConsumer<String, String> kafka =
                             new KafkaConsumer<>(KafkaSettings.consumer(bootstrapServers, handler.consumerName()))) {
                    consumer = kafka;
                    kafka.subscribe(handler.topics());
                    while (running) {
                        if (rewindRequested && !kafka.assignment().isEmpty()) {
                            nextOffsets.clear();
                            kafka.seekToBeginning(kafka.assignment());
                            rewindRequested = false;
                        }
                        ConsumerRecords<String, String> records = kafka.poll(Duration.ofMillis(500));
                        if (!records.isEmpty()) {
                            applyBatch(records);
                            for (ConsumerRecord<String, String> record : records) {
                                nextOffsets.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                            }
                            kafka.commitSync();
                        }
                        backoff = Duration.ofMillis(500);
                    }
                } catch (WakeupException e) {
                    // shutdown
                } catch (RuntimeException e) {
                    if (!running) {
                        break;
                    }
                    // Typically PostgreSQL is unreachable: uncommitted records are read again after the pause.
                    LOG.warnf("consumer %s stopped on %s; restarting in %d ms", handler.consumerName(),
                            e.toString(), backoff.toMillis());
                    pause(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                            ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
                }
            }
        }

        private void applyBatch(ConsumerRecords<String, String> records) {
            if (records.count() > 1) {
                try {
                    boolean anyApplied = QuarkusTransaction.requiringNew().call(() -> {
                        boolean applied = false;
                        for (ConsumerRecord<String, String> record : records) {
                            applied |= applyOnce(read(record));
                        }
                        return applied;
                    });
                    if (anyApplied) {
                        lastAppliedAt = Instant.now();
                    }
                    return;
                } catch (RuntimeException e) {
                    LOG.debugf("consumer %s: a batch of %d failed (%s); applying its events one by one",
                            handler.consumerName(), records.count(), e);
                }
            }
            for (ConsumerRecord<String, String> record : records) {
                apply(record);
            }
        }

        /** In the caller's transaction: records the id and applies the event, unless it was applied before. */
        private boolean applyOnce(EventEnvelope event) {
            if (!consumedEvents.firstDelivery(handler.consumerName(), event.id())) {
                return false;
            }
            handler.handle(event);
            return true;
        }

        private EventEnvelope read(ConsumerRecord<String, String> record) {
            try {
                EventEnvelope event = objectMapper.readValue(record.value(), EventEnvelope.class);
                if (event.id() == null || event.type() == null) {
                    throw new IllegalArgumentException("the envelope has no id or no type");
                }
                return event;
            } catch (Exception e) {
                throw new UnreadableMessage(e);
            }
        }

        private void apply(ConsumerRecord<String, String> record) {
            EventEnvelope event;
            try {
                event = read(record);
            } catch (UnreadableMessage e) {
                deadLetter(record, null, null, "unreadable message: " + e.getCause().getMessage());
                return;
            }
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> applyOnce(event));
                if (applied) {
                    lastAppliedAt = Instant.now();
                }
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                deadLetter(record, event.id(), event.type(), "not applied: " + cause.getMessage());
            }
        }

        private void deadLetter(ConsumerRecord<String, String> record, String eventId, String eventType, String reason) {
            LOG.warnf("consumer %s: %s at %s-%d@%d sent to dead letters: %s", handler.consumerName(),
                    eventType == null ? "message" : eventType, record.topic(), record.partition(), record.offset(), reason);
            deadLetters.record(new DeadLetter(handler.consumerName(), record.topic(), record.partition(), record.offset(),
                    eventId, eventType, reason, record.value(), null));
        }

        void shutdown() {
            running = false;
            KafkaConsumer<String, String> current = consumer;
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

    private static final class UnreadableMessage extends RuntimeException {
        UnreadableMessage(Throwable cause) {
            super(cause);
        }
    }

    /** For tests and diagnostics: the consumer names that run here. */
    public List<String> consumerNames() {
        return List.copyOf(workers.keySet());
    }
}
