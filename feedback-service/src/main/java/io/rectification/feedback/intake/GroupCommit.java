package io.rectification.feedback.intake;

import io.rectification.platform.logging.RequestIds;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Group commit: requests are queued, a writer thread takes them in batches (whatever has queued
 * up, waiting at most {@code linger} for more, at most {@code maxBatch}), has a batch written and
 * committed in one transaction on a connection of its own, and only then answers each request.
 * So every answer still waits for its own data to be durable, and a thousand requests cost a few
 * commits instead of a thousand.
 *
 * <p>A small fixed number of writers, each with its queue and connection, keep several batches in
 * flight (while one waits for the database, another writes). A request goes to the writer its
 * {@code shard} key names, so requests with the same key (one client's) are always written by
 * the same writer, one batch after the other, and rules across them (duplicates, limits) hold.
 *
 * <p>A request the batch refuses on its own account (a rule it breaks, known only in the
 * database) is answered with that refusal and does not disturb the others. When the batch as a
 * whole fails (the connection lost, the database gone, the commit refused) its connection is
 * closed (an open transaction dies with it), every request in it is answered with
 * {@code failed}, and the next batch starts on a new connection. A full queue is answered the same way at once, rather than queueing without end.
 *
 * <p>Each batch logs one line, stored or not, with the ids of the requests in it in the MDC
 * ({@code requestIds}, {@code traceIds}): the writer thread is not the request's, so a request's
 * id is taken along with it, and an accepted submission can be followed from its request's line
 * to the batch that stored it (docs/operations.md, "Following a request").
 *
 * @param <I> what a request hands in
 * @param <R> what it is answered with
 */
public final class GroupCommit<I, R> {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** Writes one batch on {@code connection} and commits it. */
    public interface Batch<I, R> {
        /**
         * One outcome per item, in order: a result, or the refusal of that item alone. Returns
         * only once what it wrote is committed; throws if it could not be.
         */
        List<Outcome<R>> write(Connection connection, List<I> items) throws SQLException;
    }

    /** An item's result, or its refusal (which fails only that item). */
    public record Outcome<R>(R result, RuntimeException refusal) {
        public static <R> Outcome<R> of(R result) {
            return new Outcome<>(result, null);
        }

        public static <R> Outcome<R> refused(RuntimeException refusal) {
            return new Outcome<>(null, refusal);
        }
    }

    private record Pending<I, R>(I item, CompletableFuture<R> answer, Context context, String requestId,
                                 String traceId) {
    }

    /** The MDC keys of a batch's log line. */
    static final String REQUEST_IDS = "requestIds";
    static final String TRACE_IDS = "traceIds";
    /** Where OpenTelemetry keeps a request's trace id in the MDC. */
    private static final String TRACE_ID = "traceId";

    private final Supplier<Connection> connect;
    private final Batch<I, R> batch;
    private final Function<I, RuntimeException> failed;
    private final Function<I, Object> shard;
    private final long lingerNanos;
    private final int maxBatch;
    private final List<Writer> writers = new ArrayList<>();
    private volatile boolean running = true;

    /**
     * @param connect opens a writer's connection; called again after a failure
     * @param shard   the key that picks a request's writer
     * @param failed  the answer for a request whose batch could not be stored
     */
    public GroupCommit(String name, int writerCount, Supplier<Connection> connect, Batch<I, R> batch,
                       Function<I, Object> shard, Function<I, RuntimeException> failed, Duration linger,
                       int maxBatch, int maxQueued) {
        this.connect = connect;
        this.batch = batch;
        this.shard = shard;
        this.failed = failed;
        this.lingerNanos = linger.toNanos();
        this.maxBatch = maxBatch;
        for (int i = 0; i < writerCount; i++) {
            writers.add(new Writer(name + "-" + (i + 1), maxQueued / writerCount + 1));
        }
    }

    /**
     * Queues {@code item}; the answer completes once its batch is committed (or has failed), on
     * the caller's Vert.x context where there is one, so the writer threads only write.
     */
    public CompletableFuture<R> submit(I item) {
        CompletableFuture<R> answer = new CompletableFuture<>();
        Writer writer = writers.get(Math.floorMod(shard.apply(item).hashCode(), writers.size()));
        if (!running || !writer.queue.offer(new Pending<>(item, answer, Vertx.currentContext(),
                RequestIds.current(), mdc(TRACE_ID)))) {
            answer.completeExceptionally(failed.apply(item));
        }
        return answer;
    }

    /** Stops taking requests; those queued are answered as not stored. */
    public void stop() {
        running = false;
        writers.forEach(writer -> writer.thread.interrupt());
    }

    /** One writer: its queue, its thread and its connection. */
    private final class Writer {
        private final BlockingQueue<Pending<I, R>> queue;
        private final Thread thread;
        private Connection connection;

        Writer(String threadName, int maxQueued) {
            this.queue = new ArrayBlockingQueue<>(maxQueued);
            this.thread = new Thread(this::run, threadName);
            this.thread.setDaemon(true);
            this.thread.start();
        }

        private void run() {
            MDC.clear(); // nothing inherited from the thread that happened to start the writer
            List<Pending<I, R>> pending = new ArrayList<>(maxBatch);
            while (running) {
                try {
                    take(pending);
                } catch (InterruptedException e) {
                    break;
                }
                writeAndAnswer(pending);
                pending.clear();
            }
            closeConnection();
            queue.drainTo(pending);
            pending.forEach(p -> answer(p, null, failed.apply(p.item())));
        }

        /** Blocks for the first request, then takes what else has queued, lingering briefly for more. */
        private void take(List<Pending<I, R>> pending) throws InterruptedException {
            pending.add(queue.take());
            queue.drainTo(pending, maxBatch - pending.size());
            long lingerEnds = System.nanoTime() + lingerNanos;
            while (pending.size() < maxBatch) {
                long left = lingerEnds - System.nanoTime();
                Pending<I, R> next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                if (next == null) {
                    break;
                }
                pending.add(next);
                queue.drainTo(pending, maxBatch - pending.size());
            }
        }

        private void writeAndAnswer(List<Pending<I, R>> pending) {
            MDC.put(REQUEST_IDS, joined(pending, Pending::requestId));
            MDC.put(TRACE_IDS, joined(pending, Pending::traceId));
            try {
                writeAndAnswerLogged(pending);
            } finally {
                MDC.remove(REQUEST_IDS);
                MDC.remove(TRACE_IDS);
            }
        }

        private void writeAndAnswerLogged(List<Pending<I, R>> pending) {
            long started = System.nanoTime();
            List<Outcome<R>> outcomes;
            try {
                if (connection == null) {
                    connection = connect.get();
                }
                outcomes = batch.write(connection, pending.stream().map(Pending::item).toList());
            } catch (Exception | AssertionError e) {
                // AssertionError too: PgJDBC raises one from a batch whose connection was cut.
                LOG.warnf("%s: a batch of %d could not be stored, each is answered as not stored: %s",
                        thread.getName(), pending.size(), describe(e));
                closeConnection();
                pending.forEach(p -> answer(p, null, failed.apply(p.item())));
                return;
            }
            long refused = outcomes.stream().filter(outcome -> outcome.refusal() != null).count();
            LOG.infof("%s: a batch of %d stored (%d of them refused) in %d ms", thread.getName(), pending.size(),
                    refused, (System.nanoTime() - started) / 1_000_000);
            for (int i = 0; i < pending.size(); i++) {
                answer(pending.get(i), outcomes.get(i).result(), outcomes.get(i).refusal());
            }
        }

        private void closeConnection() {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException ignored) {
                // Closing a broken connection: nothing more to do.
            } finally {
                connection = null;
            }
        }
    }

    /** The distinct ids of a batch's requests, comma-separated (those without one left out). */
    private static <I, R> String joined(List<Pending<I, R>> pending, Function<Pending<I, R>, String> id) {
        Set<String> ids = new LinkedHashSet<>();
        pending.forEach(p -> {
            String value = id.apply(p);
            if (value != null) {
                ids.add(value);
            }
        });
        return String.join(",", ids);
    }

    private static String mdc(String key) {
        Object value = MDC.get(key);
        return value == null ? null : value.toString();
    }

    /**
     * Why a batch failed, without the driver's message: PgJDBC names a failed batch entry with
     * its statement and bound values, which here are what the public wrote.
     */
    static String describe(Throwable failure) {
        return failure instanceof SQLException sql
                ? sql.getClass().getSimpleName() + ", SQLState " + sql.getSQLState()
                : failure.toString();
    }

    private void answer(Pending<I, R> pending, R result, RuntimeException refusal) {
        Runnable complete = refusal == null ? () -> pending.answer().complete(result)
                : () -> pending.answer().completeExceptionally(refusal);
        if (pending.context() == null) {
            complete.run();
        } else {
            pending.context().runOnContext(ignored -> complete.run());
        }
    }
}
