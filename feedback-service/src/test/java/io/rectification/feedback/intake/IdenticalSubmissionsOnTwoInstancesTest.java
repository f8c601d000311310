package io.rectification.feedback.intake;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Publications;
import io.rectification.feedback.feedback.FeedbackChannel;
import io.rectification.feedback.feedback.TrackingCodes;
import io.rectification.feedback.language.Language;
import io.rectification.feedback.personal.Pseudonym;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.Counts;
import io.rectification.platform.testing.LockWaits;
import io.rectification.platform.testing.StaffTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same submission written by the intake writers of two instances at once (a double click, or a
 * retry the load balancer sent to the other instance): one is stored, the other is refused as its
 * duplicate. Before {@code SubmissionBatch}'s locks by text each batch was judged before the other
 * had committed, neither found the other, and both were stored under two tracking codes. The first
 * batch is held, by hand, between its writes and its commit while the second is written.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class IdenticalSubmissionsOnTwoInstancesTest {

    @Inject
    SubmissionBatch batch;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theSameFormSentToTwoInstancesAtOnceIsStoredOnce() throws Exception {
        UUID publication = UUID.fromString(Publications.openNow());
        String client = UUID.randomUUID().toString();
        String text = "两个实例同时收到的同一条意见。";
        CountDownLatch firstAtCommit = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        List<GroupCommit.Outcome<Receipt>> second;
        try (Connection firstConnection = dataSource.getConnection(); Connection secondConnection = dataSource.getConnection()) {
            firstConnection.setAutoCommit(false);
            secondConnection.setAutoCommit(false);
            Connection held = commitHeld(firstConnection, firstAtCommit, commitFirst);
            CompletableFuture<List<GroupCommit.Outcome<Receipt>>> first = CompletableFuture.supplyAsync(() -> written(held,
                    submission(publication, client, text)));
            assertTrue(firstAtCommit.await(60, TimeUnit.SECONDS), "the first batch written, not yet committed");
            CompletableFuture<List<GroupCommit.Outcome<Receipt>>> secondDone = CompletableFuture.supplyAsync(() ->
                    written(secondConnection, submission(publication, client, text)));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!secondDone.isDone() && lockWaits() == 0 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            commitFirst.countDown();
            assertNull(first.get(60, TimeUnit.SECONDS).get(0).refusal(), "the first is stored");
            second = secondDone.get(60, TimeUnit.SECONDS);
        }
        assertNotNull(second.get(0).refusal(), "the second is refused as the first's duplicate: " + second);
        assertEquals(409, ((ApiException) second.get(0).refusal()).toErrorBody(null).status());
        assertEquals(1, storedOf(publication), "stored once");
    }

    private List<GroupCommit.Outcome<Receipt>> written(Connection connection, PublicSubmission submission) {
        try {
            return batch.write(connection, List.of(submission));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code connection} whose commit waits, once it is reached, for {@code commit}. */
    private static Connection commitHeld(Connection connection, CountDownLatch atCommit, CountDownLatch commit) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("commit")) {
                        atCommit.countDown();
                        assertTrue(commit.await(60, TimeUnit.SECONDS), "released");
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Sessions of this database waiting for a lock (the second batch, once it waits for the first). */
    private int lockWaits() throws Exception {
        return LockWaits.in(dataSource);
    }

    private int storedOf(UUID publication) throws Exception {
        return (int) Counts.of(dataSource, "SELECT count(*) FROM feedback WHERE publication_id = ?", publication);
    }

    /** A web submission with the form's key, as {@code PublicIntake} prepares it (GroupCommitTest's). */
    private static PublicSubmission submission(UUID publication, String client, String text) {
        OffsetDateTime now = AdjustableClock.current().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return new PublicSubmission(new Pseudonym(client, List.of()), Language.ZH, null, new PublicSubmission.NewFeedback(
                UUID.randomUUID(), publication, TrackingCodes.next(), FeedbackChannel.WEB, null, text, true, null, null,
                null, null, null, null, null, TextFingerprint.of(text), new Pseudonym("form-" + client, List.of()), now,
                now.plusDays(15), now, "received in a test"), null);
    }
}
