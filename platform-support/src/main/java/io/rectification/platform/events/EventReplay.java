package io.rectification.platform.events;

import io.rectification.platform.contract.EventContract;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Replays a range of a consumer's topic through its handler inside the caller's transaction, so
 * that a rebuild commits or vanishes as a whole. Each poll's events are applied under a savepoint;
 * when one fails, the batch goes back to the savepoint and is applied again in halves until the bad
 * event stands alone and goes to the dead letters of the same transaction: a poison message does
 * not fail the replay. A message an operator dismissed is passed over, as live consumption passes
 * over it ({@link DismissedMessages}), even when it would apply now. It fails (and the caller rolls
 * back) only when a message can be neither applied nor recorded, or when nothing arrives for the
 * stall timeout.
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
     *
     * <p>Reading runs ahead of applying: a thread of its own polls the topic, and {@link #DECODERS}
     * threads parse each message into its envelope and its data into the event's record, while this
     * one applies the poll before (and PostgreSQL writes it), so on two cores the parsing and the
     * writing overlap instead of taking turns. At most {@link #READ_AHEAD} polls wait, which bounds
     * the memory a replay holds.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replay(EventHandler handler, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to,
                       Duration stallTimeout, BiConsumer<TopicPartition, Long> progress) {
        DismissedMessages dismissed = deadLetters.dismissed(handler.consumerName());
        ReadAhead reading = new ReadAhead(handler.consumerName(), from, to, stallTimeout, dismissed);
        REPLAYING.set(Boolean.TRUE);
        try {
            for (Poll poll = reading.next(); poll != null; poll = reading.next()) {
                if (!poll.records().isEmpty()) {
                    applyBatch(handler, poll);
                }
                poll.positions().forEach(progress);
            }
        } finally {
            REPLAYING.remove();
            reading.stop();
        }
    }

    private static final ThreadLocal<Boolean> REPLAYING = new ThreadLocal<>();

    /**
     * Whether the handler is being called by a replay on this thread. A replay's transaction is long (a
     * whole rebuild) and the only writer of the tables it fills, so a handler skips what it does only to
     * keep clear of other instances' live consumers (locks held to the end would stall them for the
     * whole rebuild).
     */
    public static boolean onThisThread() {
        return REPLAYING.get() != null;
    }

    /**
     * Polls read ahead of the one being applied, at most. The reading thread polls only when there is
     * room (not polling and then waiting with the poll in hand), so two polls are in memory, not three:
     * in a heap of 160 MB the third was what the young collections promoted and the full ones then
     * reclaimed (docs/benchmarks.md, "Rebuild: decoding on two threads").
     */
    static final int READ_AHEAD = 1;

    /**
     * Threads that parse a poll's messages: two, for two cores. One alone (the reading thread, as
     * before) was a rebuild's bottleneck while PostgreSQL and the applier left the other core idle.
     */
    static final int DECODERS = 2;

    /** One poll's records in the range, each parsed, and the positions after it. */
    private record Poll(List<Read> records, Map<TopicPartition, Long> positions) {
    }

    /** A record and what it was read as: an envelope, or why it is unreadable. */
    private record Read(ConsumerRecord<String, byte[]> record, Object parsed) {
    }

    /** The reading thread: owns the Kafka consumer (which is not thread-safe) from creation to close. */
    private final class ReadAhead {
        /** Put after the last poll, or with the failure that ended reading. */
        private record End(RuntimeException failure) {
        }

        /** Polls (being) decoded, and the end; bounded by {@link #room}, the end excepted. */
        private final BlockingQueue<Object> polls = new LinkedBlockingQueue<>();
        private final Semaphore room = new Semaphore(READ_AHEAD);
        private final DecodingThreads decoding;
        private final Thread thread;
        private volatile boolean stopped;

        ReadAhead(String consumerName, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to,
                  Duration stallTimeout, DismissedMessages dismissed) {
            decoding = new DecodingThreads(consumerName + "-replay-decoder", DECODERS);
            thread = new Thread(() -> read(consumerName, from, to, stallTimeout, dismissed), consumerName + "-replay-reader");
            thread.setDaemon(true);
            thread.start();
        }

        /** The next poll, or null after the last; throws what ended reading early. */
        Poll next() {
            Object next;
            try {
                next = polls.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while replaying", e);
            }
            if (next instanceof End end) {
                if (end.failure() != null) {
                    throw end.failure();
                }
                return null;
            }
            room.release();
            try {
                return ((CompletableFuture<?>) next).thenApply(Poll.class::cast).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure
                        : new IllegalStateException("the replay's decoding failed: " + e.getCause(), e.getCause());
            }
        }

        /**
         * Ends reading (after the last poll, or when applying failed) and waits for the thread,
         * which notices within a poll. No interrupt: it would break the consumer's close.
         */
        void stop() {
            stopped = true;
            polls.clear();
            decoding.abandon();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void read(String consumerName, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to,
                          Duration stallTimeout, DismissedMessages dismissed) {
            RuntimeException failure = null;
            // Its own group name and no commits: the live group's positions stay as they are.
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(KafkaSettings.replayConsumer(
                    bootstrapServers, consumerName + "-replay"))) {
                List<TopicPartition> partitions = List.copyOf(to.keySet());
                kafka.assign(partitions);
                partitions.forEach(tp -> kafka.seek(tp, from.getOrDefault(tp, 0L)));
                Instant lastMove = Instant.now();
                while (!stopped && !partitions.stream().allMatch(tp -> kafka.position(tp) >= to.get(tp))) {
                    if (!room.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                        continue; // the applier is busy with the poll before; stopped is looked at again
                    }
                    ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
                    List<ConsumerRecord<String, byte[]>> wanted = new ArrayList<>(records.count());
                    for (ConsumerRecord<String, byte[]> record : records) {
                        if (record.offset() < to.get(new TopicPartition(record.topic(), record.partition()))
                                && !dismissed.passesOver(record)) {
                            wanted.add(record);
                        }
                    }
                    if (!records.isEmpty()) {
                        lastMove = Instant.now();
                    } else if (lastMove.plus(stallTimeout).isBefore(Instant.now())) {
                        throw new IllegalStateException("nothing could be read from " + partitions + " for "
                                + stallTimeout.toSeconds() + " s");
                    }
                    Map<TopicPartition, Long> positions = new LinkedHashMap<>();
                    partitions.forEach(tp -> positions.put(tp, Math.min(kafka.position(tp), to.get(tp))));
                    hand(decoding.decoded(wanted, record -> new Read(record, parse(record)))
                            .thenApply(reads -> new Poll(reads, positions)));
                }
            } catch (InterruptException | InterruptedException e) {
                failure = new IllegalStateException("interrupted while reading the replay", e);
            } catch (RuntimeException e) {
                failure = e;
            } catch (Error e) {
                // The applier waits for an end whatever happened here.
                failure = new IllegalStateException("the replay's reader failed: " + e, e);
            } finally {
                decoding.finish();
            }
            hand(new End(failure));
        }

        /** Hands {@code poll} over (there is room: taken before reading it), unless the replay has stopped (then nobody takes it). */
        private void hand(Object poll) {
            if (!stopped) {
                polls.add(poll);
            }
        }

        /**
         * The envelope, its data already read into its record (kept in the envelope's text), so that
         * decoding too overlaps the applier's writes; an unreadable message is why it is so.
         */
        private Object parse(ConsumerRecord<String, byte[]> record) {
            EventEnvelope event;
            try {
                event = reader.read(record.value());
            } catch (EventReader.UnreadableMessage e) {
                return e;
            }
            try {
                EventContract.decode(event);
            } catch (RuntimeException e) {
                // Data that cannot be read fails again when the handler decodes it, and is dead-lettered there.
            }
            return event;
        }
    }

    /**
     * A poll in the cheapest way that gives the result of applying its events one by one: first as
     * first deliveries written by COPY ({@link EventHandler#replayAll}); when that fails (a
     * duplicate, a row already there, a value COPY cannot carry) again with the duplicate checks of
     * live consumption; when that fails too (a message that cannot be read or applied), in halves
     * ({@link InHalves}) down to the single events that fail, to the dead letters. Each attempt runs
     * under a savepoint, rolled back before the next.
     */
    private void applyBatch(EventHandler handler, Poll poll) {
        InHalves.apply(poll.records(), reads -> appliedTogether(handler, reads), read -> apply(handler, read.record()));
    }

    private boolean appliedTogether(EventHandler handler, List<Read> reads) {
        if (!reads.stream().allMatch(read -> read.parsed() instanceof EventEnvelope)) {
            return false;
        }
        List<EventEnvelope> events = reads.stream().map(read -> (EventEnvelope) read.parsed()).toList();
        return attempt(() -> {
            consumedEvents.recordAllNew(handler.consumerName(), events.stream().map(EventEnvelope::id).toList());
            handler.replayAll(events);
        }) || attempt(() -> consumedEvents.applyAllOnce(handler, events));
    }

    /** Runs {@code batch} under a savepoint: true when it went through, false (and nothing of it left) when it failed. */
    private boolean attempt(Runnable batch) {
        savepoint("replay_batch");
        try {
            batch.run();
            release("replay_batch");
            return true;
        } catch (RuntimeException e) {
            rollbackTo("replay_batch");
            return false;
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
            deadLetter(handler, record, event.id(), event.type(), DeadLetters.notApplied(e));
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
