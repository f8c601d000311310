package io.rectification.feedback.handling;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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
        ExecutorService senders = Executors.newFixedThreadPool(requests.size());
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM feedback WHERE id = ANY (?) FOR UPDATE")) {
                lock.setArray(1, holder.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
                lock.executeQuery().close();
            }
            List<CompletableFuture<ExtractableResponse<Response>>> sent = requests.stream()
                    .map(request -> CompletableFuture.supplyAsync(request, senders)).toList();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() ->
                    waitingOnALock(dataSource) >= requests.size() || sent.stream().anyMatch(CompletableFuture::isDone));
            holder.commit();
            return sent.stream().map(CompletableFuture::join).toList();
        } finally {
            senders.shutdown();
        }
    }

    private static int waitingOnALock(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement waiting = connection.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
             ResultSet row = waiting.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
