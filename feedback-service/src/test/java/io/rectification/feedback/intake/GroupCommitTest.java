package io.rectification.feedback.intake;

import io.rectification.feedback.language.Language;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Publications;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.Counts;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Public submissions are written in batches (group commit): many requests in one transaction,
 * each answered only after the commit. Sent concurrently, every submission is stored once with
 * its history row and its event; the rules that span requests (duplicates, the rate limit) still
 * hold inside a batch; and a batch that cannot be stored is answered 503 in every one of its
 * requests with nothing of it left behind.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class GroupCommitTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    private record Answer(int status, JsonNode body, String retryAfter, String contentType) {
    }

    /** Sends every submission at once, each from its client; answers in the same order. */
    private static List<Answer> submitConcurrently(String publication, List<String> clients, List<String> texts) {
        return submitConcurrently(publication, clients, texts, java.util.Collections.nCopies(texts.size(), null));
    }

    /** As above, each with its submission key (none where null). */
    private static List<Answer> submitConcurrently(String publication, List<String> clients, List<String> texts,
                                                   List<String> keys) {
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/publications/" + publication + "/feedback");
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String key = keys.get(i) == null ? "" : ",\"submissionKey\":\"" + keys.get(i) + "\"";
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .header("X-Forwarded-For", clients.get(i))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":" + EventProbe.toJson(texts.get(i)) + key + "}"))
                    .build();
            answers.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
                try {
                    return new Answer(response.statusCode(), JSON.readTree(response.body()),
                            response.headers().firstValue("Retry-After").orElse(null),
                            response.headers().firstValue("Content-Type").orElse(""));
                } catch (Exception e) {
                    throw new IllegalStateException(response.body(), e);
                }
            }));
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }

    /** {@code n} different texts. */
    private static List<String> numbered(String prefix, int n) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            texts.add(prefix + "第" + i + "条：请公开专项资金使用明细。");
        }
        return texts;
    }

    /** {@code n} client addresses, each new one used {@code each} times in a row. */
    private static List<String> clients(int n, int each) {
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clients.add(i % each == 0 ? Clients.newAddress() : clients.get(i - 1));
        }
        return clients;
    }

    private long count(String sql, Object... parameters) throws SQLException {
        return Counts.of(dataSource, sql, parameters);
    }

    @Test
    void concurrentSubmissionsAreEachStoredOnceWithTheirHistoryAndTheirEvent() throws Exception {
        String publication = Publications.openNow();
        int n = 150;
        List<String> texts = numbered("并发提交的意见", n);
        List<String> clients = clients(n, 3);
        try (EventProbe probe = EventProbe.on(EventTopics.FEEDBACK)) {
            List<Answer> answers = submitConcurrently(publication, clients, texts);

            assertTrue(answers.stream().allMatch(a -> a.status() == 201), "every submission accepted: " + answers);
            Set<String> codes = answers.stream().map(a -> a.body().path("trackingCode").asText()).collect(Collectors.toSet());
            assertEquals(n, codes.size(), "a tracking code each");
            java.util.UUID id = java.util.UUID.fromString(publication);
            assertEquals(n, count("SELECT count(*) FROM feedback WHERE publication_id = ?", id));
            assertEquals(n, count("SELECT count(DISTINCT tracking_code) FROM feedback WHERE publication_id = ?", id));
            assertEquals(n, count("""
                    SELECT count(*) FROM feedback f JOIN feedback_history h ON h.feedback_id = f.id
                    WHERE f.publication_id = ? AND h.action = 'RECEIVED' AND h.actor = 'public'""", id));
            assertEquals(n, count("""
                    SELECT count(DISTINCT o.id) FROM feedback f JOIN outbox_event o ON o.aggregate_id = f.id::text
                    WHERE f.publication_id = ? AND o.event_type = 'FeedbackReceived'""", id));
            assertEquals(0, count("""
                    SELECT count(*) FROM feedback f WHERE f.publication_id = ?
                    AND (SELECT count(*) FROM outbox_event o WHERE o.aggregate_id = f.id::text) <> 1""", id));

            // And all of them reach Kafka, each feedback once.
            Set<String> published = new HashSet<>();
            probe.await(e -> "FeedbackReceived".equals(e.type())
                    && publication.equals(e.data().path("feedback").path("publicationId").asText())
                    && published.add(e.subject()) && published.size() == n, Duration.ofSeconds(60));
        }
    }

    /** One form clicked twelve times: one stored, and every other click is told its code (in the batch or after it). */
    @Test
    void theSameTextSentConcurrentlyFromOneFormIsStoredOnceAndTheOthersPointToIt() throws Exception {
        sameTextConcurrently("同一条意见，连点了好几次提交。", java.util.Collections.nCopies(12, PublicFeedbackTest.newSubmissionKey()),
                (code, refused) -> assertEquals(code, refused.body().path("earlierTrackingCode").asText()));
    }

    /**
     * One form's text sent again and again while the phone moves between networks: twelve tries
     * at once, each from another address, with the same key. One stored, every other told its
     * code (in the batch or after it).
     */
    @Test
    void theSameTextSentConcurrentlyFromOneFormOnManyNetworksIsStoredOnceAndTheOthersPointToIt() throws Exception {
        String publication = Publications.openNow();
        int n = 12;
        List<Answer> answers = submitConcurrently(publication, clients(n, 1),
                java.util.Collections.nCopies(n, "换了网络又点了一次提交的意见。"),
                java.util.Collections.nCopies(n, PublicFeedbackTest.newSubmissionKey()));

        List<Answer> accepted = answers.stream().filter(a -> a.status() == 201).toList();
        assertEquals(1, accepted.size(), "one stored: " + answers);
        String code = accepted.get(0).body().path("trackingCode").asText();
        answers.stream().filter(a -> a.status() != 201).forEach(a -> {
            assertEquals(409, a.status());
            assertEquals(code, a.body().path("earlierTrackingCode").asText());
        });
        assertEquals(1, count("SELECT count(*) FROM feedback WHERE publication_id = ?", java.util.UUID.fromString(publication)));
    }

    /**
     * Twelve people behind one address (a NAT) send the same text at once, each from their own
     * form (or a client without a key): one stored, and no one else is told its code, whether
     * judged in its batch or after it.
     */
    @Test
    void theSameTextSentConcurrentlyFromDifferentFormsIsStoredOnceAndNoOtherIsToldTheCode() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            keys.add(i % 2 == 0 ? PublicFeedbackTest.newSubmissionKey() : null);
        }
        sameTextConcurrently("同一条意见，同一办公室的几个人都提交了。", keys, (code, refused) -> {
            assertTrue(refused.body().path("earlierTrackingCode").isMissingNode(), refused.body().toString());
            assertTrue(!refused.body().toString().contains(code)
                    && !refused.body().toString().contains(code.replace("-", "")), refused.body().toString());
        });
    }

    /**
     * Sends {@code text} from one address once per key (none where null), all at once; checks that
     * one is stored and every other refused 409, and hands each refusal with the stored code to {@code check}.
     */
    private void sameTextConcurrently(String text, List<String> keys,
                                      java.util.function.BiConsumer<String, Answer> check) throws SQLException {
        String publication = Publications.openNow();
        int n = keys.size();
        List<Answer> answers = submitConcurrently(publication, java.util.Collections.nCopies(n, Clients.newAddress()),
                java.util.Collections.nCopies(n, text), keys);

        List<Answer> accepted = answers.stream().filter(a -> a.status() == 201).toList();
        assertEquals(1, accepted.size(), "one stored: " + answers);
        String code = accepted.get(0).body().path("trackingCode").asText();
        for (Answer answer : answers) {
            if (answer.status() != 201) {
                assertEquals(409, answer.status());
                check.accept(code, answer);
            }
        }
        assertEquals(1, count("SELECT count(*) FROM feedback WHERE publication_id = ?", java.util.UUID.fromString(publication)));
    }

    @Inject
    SubmissionBatch batch;

    /**
     * The same rule inside one batch, deterministically (concurrent requests only may share one):
     * of identical submissions from one address written together, the first is stored, the same
     * form's repeat is told its code, another form's and a keyless one are refused without it.
     */
    @Test
    void withinOneBatchOnlyTheSameFormIsToldTheCode() throws Exception {
        java.util.UUID publication = java.util.UUID.fromString(Publications.openNow());
        String client = java.util.UUID.randomUUID().toString();
        String text = "同一批里的同一条意见。";
        List<PublicSubmission> submissions = List.of(submission(publication, client, text, "form-a"),
                submission(publication, client, text, "form-a"), submission(publication, client, text, "form-b"),
                submission(publication, client, text, null));
        List<GroupCommit.Outcome<Receipt>> outcomes;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            outcomes = batch.write(connection, submissions);
        }

        String code = outcomes.get(0).result().trackingCode();
        Map<String, Object> sameForm = refusal(outcomes.get(1));
        assertEquals(409, sameForm.get("status"));
        assertEquals(code, sameForm.get("earlierTrackingCode"));
        for (GroupCommit.Outcome<Receipt> other : outcomes.subList(2, 4)) {
            Map<String, Object> refused = refusal(other);
            assertEquals(409, refused.get("status"));
            assertTrue(!refused.containsKey("earlierTrackingCode") && !refused.toString().contains(code), refused.toString());
        }
        assertEquals(1, count("SELECT count(*) FROM feedback WHERE publication_id = ?", publication));
    }

    /**
     * The same form's text from two addresses in one batch (the phone changed networks between two
     * tries): the second is told the first's code; the same text from another address without the
     * key, or the same key with another text, is stored.
     */
    @Test
    void withinOneBatchTheSameFormFromAnotherAddressIsTheEarlierSubmission() throws Exception {
        java.util.UUID publication = java.util.UUID.fromString(Publications.openNow());
        String wifi = java.util.UUID.randomUUID().toString();
        String mobile = java.util.UUID.randomUUID().toString();
        String text = "同一批里换了网络的同一条意见。";
        List<PublicSubmission> submissions = List.of(submission(publication, wifi, text, "form-a"),
                submission(publication, mobile, text, "form-a"),
                submission(publication, java.util.UUID.randomUUID().toString(), text, null),
                submission(publication, mobile, "同一个表单写的另一条意见。", "form-a"));
        List<GroupCommit.Outcome<Receipt>> outcomes;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            outcomes = batch.write(connection, submissions);
        }

        String code = outcomes.get(0).result().trackingCode();
        Map<String, Object> resent = refusal(outcomes.get(1));
        assertEquals(409, resent.get("status"));
        assertEquals(code, resent.get("earlierTrackingCode"));
        assertTrue(outcomes.get(2).refusal() == null && outcomes.get(3).refusal() == null, outcomes.toString());
        assertEquals(3, count("SELECT count(*) FROM feedback WHERE publication_id = ?", publication));
    }

    private static PublicSubmission submission(java.util.UUID publication, String client, String text, String keyHash) {
        java.time.OffsetDateTime now = io.rectification.platform.testing.AdjustableClock.current()
                .withOffsetSameInstant(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return new PublicSubmission(pseudonym(client), Language.ZH, null, new PublicSubmission.NewFeedback(java.util.UUID.randomUUID(),
                publication, io.rectification.feedback.feedback.TrackingCodes.next(),
                io.rectification.feedback.feedback.FeedbackChannel.WEB, null, text, true, null, null, null, null,
                null, null, null, TextFingerprint.of(text), keyHash == null ? null : pseudonym(keyHash), now, now.plusDays(15), now,
                "received in a test"), null);
    }

    /** The test's own stand-in for a pseudonym: the value as given, under no previous key. */
    private static io.rectification.feedback.personal.Pseudonym pseudonym(String value) {
        return new io.rectification.feedback.personal.Pseudonym(value, java.util.List.of());
    }

    /** A refusal as its problem+json would show it, extension members included. */
    private static Map<String, Object> refusal(GroupCommit.Outcome<Receipt> outcome) {
        io.rectification.platform.error.ErrorBody body =
                ((io.rectification.platform.error.ApiException) outcome.refusal()).toErrorBody(null);
        Map<String, Object> shown = new java.util.HashMap<>(body.extensionMembers());
        shown.put("status", body.status());
        shown.put("detail", body.detail());
        return shown;
    }

    @Test
    void concurrentSubmissionsOfOneClientAreRefusedExactlyBeyondTheLimit() throws Exception {
        String publication = Publications.openNow();
        String client = Clients.newAddress();
        int limit = 20; // feedback.public.rate-limit.submissions in the test profile
        List<String> texts = numbered("同一人的意见", limit + 10);
        List<Answer> answers = submitConcurrently(publication, java.util.Collections.nCopies(texts.size(), client), texts);

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        assertEquals(Map.of(201, (long) limit, 429, 10L), byStatus);
        answers.stream().filter(a -> a.status() == 429).forEach(a -> {
            assertTrue(a.retryAfter() != null && a.retryAfter().matches("[1-9][0-9]*"), "Retry-After: " + a.retryAfter());
            assertTrue(a.contentType().startsWith("application/problem+json"));
        });
        assertEquals(limit, count("SELECT count(*) FROM feedback WHERE publication_id = ?", java.util.UUID.fromString(publication)));
    }

    /**
     * A real failure, not a hook: the test holds a lock that stops the writer's statement that
     * stores the batch (its feedback, history and outbox rows together) on the outbox table, and
     * terminates the writer's database session, as a crashed server or a cut connection would.
     */
    @Test
    void aBatchThatCannotBeStoredIsAnswered503InEachRequestAndNothingOfItIsStored() throws Exception {
        String publication = Publications.openNow();
        int n = 16;
        List<String> texts = numbered("未能保存的一批意见", n);
        List<String> clients = clients(n, 1);
        List<Answer> answers;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("LOCK TABLE outbox_event IN SHARE MODE");
            }
            CompletableFuture<List<Answer>> sent = CompletableFuture.supplyAsync(
                    () -> submitConcurrently(publication, clients, texts));
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
            int terminated = 0;
            while (!sent.isDone()) {
                assertTrue(Instant.now().isBefore(giveUp), "the writer never waited on the lock");
                terminated += terminateWriterWaitingOnALock();
                Thread.sleep(20);
            }
            answers = sent.join();
            assertTrue(terminated >= 1);
            blocker.rollback();
        }

        for (Answer answer : answers) {
            assertEquals(503, answer.status(), "answered: " + answer);
            assertTrue(answer.contentType().startsWith("application/problem+json"));
            assertEquals("暂时无法受理", answer.body().path("title").asText());
            assertEquals("1", answer.retryAfter());
        }
        java.util.UUID id = java.util.UUID.fromString(publication);
        assertEquals(0, count("SELECT count(*) FROM feedback WHERE publication_id = ?", id));
        assertEquals(0, count("SELECT count(*) FROM feedback_history h JOIN feedback f ON f.id = h.feedback_id "
                + "WHERE f.publication_id = ?", id));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE envelope -> 'data' -> 'feedback' ->> 'publicationId' = ?",
                publication));

        // The writer comes back on a new connection: the same submission now goes through.
        String code = given().contentType("application/json").header("X-Forwarded-For", clients.get(0))
                .body("{\"text\":" + EventProbe.toJson(texts.get(0)) + "}")
                .when().post("/publications/" + publication + "/feedback")
                .then().statusCode(201).extract().path("trackingCode");
        assertEquals(1, count("SELECT count(*) FROM feedback f JOIN outbox_event o ON o.aggregate_id = f.id::text "
                + "WHERE f.tracking_code = ?", code.replace("-", "")));
    }

    /** Terminates the intake writer's session in this database if it waits on a lock; how many were. */
    private int terminateWriterWaitingOnALock() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement terminate = connection.prepareStatement("""
                     SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
                     WHERE datname = current_database() AND application_name = ? AND wait_event_type = 'Lock'""")) {
            terminate.setString(1, PublicIntake.WRITER_NAME);
            try (ResultSet row = terminate.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
