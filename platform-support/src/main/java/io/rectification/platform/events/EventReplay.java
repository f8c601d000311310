package io.rectification.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Replays a range of a consumer's topic through its handler inside the caller's transaction, so
 * that a rebuild commits or vanishes as a whole. Each poll's events are applied under a savepoint;
 * when one fails, the batch goes back to the savepoint and is applied one event per savepoint, the
 * bad one going to the dead letters of the same transaction: a poison message does not fail the
 * replay. It fails (and the caller rolls back) only when a message can be neither applied nor
 * recorded, or when nothing arrives for the stall timeout.
 *
 * <p>Handlers are expected to fail by plain exceptions (JDBC); one that fails through Hibernate
 * marks the whole transaction for rollback, which fails the replay rather than losing anything.
 */
@ApplicationScoped
public class EventReplay {

    private final EventReader reader;
    private final ConsumedEvents consumedEvents;
    private final DeadLetters deadLetters;
    private final EntityManager entityManager;
    private final String bootstrapServers;

    public EventReplay(EventReader reader, ConsumedEvents consumedEvents, DeadLetters deadLetters,
                       EntityManager entityManager,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.reader = reader;
        this.consumedEvents = consumedEvents;
        this.deadLetters = deadLetters;
        this.entityManager = entityManager;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Applies the records from {@code from} (inclusive) to {@code to} (exclusive) per partition;
     * {@code progress} hears each partition's position as it advances.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replay(EventHandler handler, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to,
                       Duration stallTimeout, BiConsumer<TopicPartition, Long> progress) {
        // Its own group name and no commits: the live group's positions stay as they are.
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(KafkaSettings.replayConsumer(
                bootstrapServers, handler.consumerName() + "-replay"))) {
            List<TopicPartition> partitions = List.copyOf(to.keySet());
            kafka.assign(partitions);
            partitions.forEach(tp -> kafka.seek(tp, from.getOrDefault(tp, 0L)));
            Instant lastMove = Instant.now();
            while (!partitions.stream().allMatch(tp -> kafka.position(tp) >= to.get(tp))) {
                ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
                List<ConsumerRecord<String, byte[]>> wanted = new java.util.ArrayList<>();
                records.forEach(record -> {
                    if (record.offset() < to.get(new TopicPartition(record.topic(), record.partition()))) {
                        wanted.add(record);
                    }
                });
                if (!wanted.isEmpty()) {
                    applyBatch(handler, wanted);
                }
                if (!records.isEmpty()) {
                    lastMove = Instant.now();
                } else if (lastMove.plus(stallTimeout).isBefore(Instant.now())) {
                    throw new IllegalStateException("nothing could be read from " + partitions + " for "
                            + stallTimeout.toSeconds() + " s");
                }
                partitions.forEach(tp -> progress.accept(tp, Math.min(kafka.position(tp), to.get(tp))));
            }
        }
    }

    private void applyBatch(EventHandler handler, List<ConsumerRecord<String, byte[]>> records) {
        savepoint("replay_batch");
        try {
            List<EventEnvelope> events = new java.util.ArrayList<>(records.size());
            for (ConsumerRecord<String, byte[]> record : records) {
                events.add(reader.read(record.value()));
            }
            consumedEvents.applyAllOnce(handler, events);
            release("replay_batch");
            return;
        } catch (RuntimeException e) {
            rollbackTo("replay_batch");
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            apply(handler, record);
        }
    }

    private void apply(EventHandler handler, ConsumerRecord<String, byte[]> record) {
        EventEnvelope event;
        try {
            event = reader.read(record.value());
        } catch (EventReader.UnreadableMessage e) {
            deadLetter(handler, record, null, null, e.getMessage());
            return;
        }
        savepoint("replay_event");
        try {
            consumedEvents.applyOnce(handler, event);
            release("replay_event");
        } catch (RuntimeException e) {
            rollbackTo("replay_event");
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            deadLetter(handler, record, event.id(), event.type(), "not applied: " + cause.getMessage());
        }
    }

    private void deadLetter(EventHandler handler, ConsumerRecord<String, byte[]> record, String eventId,
                            String eventType, String reason) {
        try {
            deadLetters.recordInCurrentTransaction(new DeadLetters.Failure(handler.consumerName(), record.topic(),
                    record.partition(), record.offset(), eventId, eventType, reason, record.value()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the message at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " could neither be applied nor recorded as a dead letter: " + e.getMessage(), e);
        }
    }

    private void savepoint(String name) {
        entityManager.createNativeQuery("SAVEPOINT " + name).executeUpdate();
    }

    private void release(String name) {
        entityManager.createNativeQuery("RELEASE SAVEPOINT " + name).executeUpdate();
    }

    private void rollbackTo(String name) {
        entityManager.createNativeQuery("ROLLBACK TO SAVEPOINT " + name).executeUpdate();
    }
}
