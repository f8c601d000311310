package io.rectification.feedback.handling;

import io.rectification.platform.testing.LockWaits;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * Steps on feedback sent "at the same moment", made so without timing: the test holds the rows
 * locked in a transaction of its own while the requests are sent, waits until each of them waits on
 * a lock in the database, then lets go. Every request has read what it reads without a lock by then,
 * and whatever it locks it gets only after the test's commit, so the interleaving that a race leaves
 * to chance happens every time.
 */
final class HeldRows {

    private HeldRows() {
    }

    /** The answers to {@code requests}, sent at once while the feedback rows {@code ids} are held; in order. */
    static List<ExtractableResponse<Response>> whileHeld(DataSource dataSource, List<String> ids,
                                                         List<Supplier<ExtractableResponse<Response>>> requests)
            throws SQLException {
        return whileHeld(dataSource, ids, requests, false);
    }

    /**
     * As {@link #whileHeld}, but each request is sent once the one before waits on a lock: they wait for a held row
     * in the order given, and PostgreSQL lets them have it in that order (the first to wait for a row gets it first).
     */
    static List<ExtractableResponse<Response>> whileHeldInTurn(DataSource dataSource, List<String> ids,
                                                               List<Supplier<ExtractableResponse<Response>>> requests)
            throws SQLException {
        return whileHeld(dataSource, ids, requests, true);
    }

    private static List<ExtractableResponse<Response>> whileHeld(DataSource dataSource, List<String> ids,
                                                                 List<Supplier<ExtractableResponse<Response>>> requests,
                                                                 boolean inTurn) throws SQLException {
        ExecutorService senders = Executors.newFixedThreadPool(requests.size());
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM feedback WHERE id = ANY (?) FOR UPDATE")) {
                lock.setArray(1, holder.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
                lock.executeQuery().close();
            }
            List<CompletableFuture<ExtractableResponse<Response>>> sent = new ArrayList<>();
            for (Supplier<ExtractableResponse<Response>> request : requests) {
                sent.add(CompletableFuture.supplyAsync(request, senders));
                if (inTurn || sent.size() == requests.size()) {
                    int waiting = sent.size();
                    await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() ->
                            waitingOnALock(dataSource) >= waiting || sent.stream().anyMatch(CompletableFuture::isDone));
                }
            }
            holder.commit();
            return sent.stream().map(CompletableFuture::join).toList();
        } finally {
            senders.shutdown();
        }
    }

    private static int waitingOnALock(DataSource dataSource) throws SQLException {
        return LockWaits.in(dataSource);
    }
}
