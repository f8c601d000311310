package io.rectification.tasks.task;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.idempotency.IdempotencyKeys;
import io.rectification.platform.security.Roles;
import io.rectification.platform.testing.Counts;
import io.rectification.platform.testing.PlainHttp;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.platform.testing.TestTokens;
import io.rectification.tasks.Fixtures;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A create sent again with the same Idempotency-Key (a retry after a timeout) makes one record and gets
 * the first answer again (platform idempotency.IdempotencyFilter); here on tasks, a create whose
 * duplicates stay in every count and numbering for good (integrity review H2).
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class IdempotentCreateTest {

    private static final String CLERK = TestTokens.allStaff("测试人员");

    @Inject
    DataSource dataSource;

    @Inject
    IdempotencyKeys keys;

    @Test
    void aRetryWithTheSameKeyMakesOneTaskAndGetsTheFirstAnswerAgain() {
        String problem = Fixtures.freshProblem();
        String key = UUID.randomUUID().toString();
        String task = Fixtures.taskJson("重复任务", "2099-12-31", "TIME_BOUND", "");

        PlainHttp.Answer first = create(problem, key, task, CLERK);
        PlainHttp.Answer retry = create(problem, key, task, CLERK);

        assertEquals(201, first.status(), first.body());
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals(201, retry.status(), retry.body());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertTrue(first.contentType().startsWith("application/json"), first.contentType());
        assertEquals(first.contentType(), retry.contentType());
        assertEquals(first.body(), retry.body());
        assertEquals(1, tasksOf(problem));
        // the quoted form of the draft names the same key
        assertEquals("true", create(problem, '"' + key + '"', task, CLERK).header("Idempotent-Replayed"));
        assertEquals(1, tasksOf(problem));
    }

    @Test
    void theSameKeyWithAnotherRequestIs422AndMakesNothing() {
        String problem = Fixtures.freshProblem();
        String key = UUID.randomUUID().toString();
        assertEquals(201, create(problem, key, Fixtures.taskJson("第一项", "2099-12-31", "TIME_BOUND", ""), CLERK).status());

        PlainHttp.Answer other = create(problem, key, Fixtures.taskJson("第二项", "2099-12-31", "TIME_BOUND", ""), CLERK);

        assertEquals(422, other.status(), other.body());
        assertTrue(other.isProblem(), other.contentType());
        assertEquals(List.of("Idempotency-Key"), other.errorFields());
        assertEquals("OTHER_REQUEST", other.json().path("idempotency").asText());
        assertEquals(1, tasksOf(problem));
    }

    @Test
    void aMalformedKeyIs400NamingTheHeaderAndMakesNothing() {
        String problem = Fixtures.freshProblem();
        for (String key : List.of("two words", "x".repeat(256), "a\"b")) {
            PlainHttp.Answer refused = create(problem, key, Fixtures.taskJson("任务", "2099-12-31", "TIME_BOUND", ""), CLERK);
            assertEquals(400, refused.status(), key + ": " + refused.body());
            assertTrue(refused.isProblem(), refused.contentType());
            assertEquals(List.of("Idempotency-Key"), refused.errorFields());
        }
        assertEquals(0, tasksOf(problem));
    }

    @Test
    void aKeyIsItsCallersAndItsOperations() {
        String problem = Fixtures.freshProblem();
        String otherProblem = Fixtures.freshProblem();
        String key = UUID.randomUUID().toString();
        String task = Fixtures.taskJson("同一键", "2099-12-31", "TIME_BOUND", "");

        PlainHttp.Answer mine = create(problem, key, task, CLERK);
        PlainHttp.Answer colleagues = create(problem, key, task, TestTokens.allStaff("另一位同事"));
        PlainHttp.Answer elsewhere = create(otherProblem, key, task, CLERK);

        for (PlainHttp.Answer answer : List.of(mine, colleagues, elsewhere)) {
            assertEquals(201, answer.status(), answer.body());
            assertNull(answer.header("Idempotent-Replayed"));
        }
        assertNotEquals(mine.header("Location"), colleagues.header("Location"));
        assertEquals(2, tasksOf(problem));
        assertEquals(1, tasksOf(otherProblem));
    }

    /** The role is checked before the key is claimed: a refusal for the role is not what a retry with a role gets. */
    @Test
    void aRequestRefusedForItsRoleClaimsNoKey() {
        String problem = Fixtures.freshProblem();
        String key = UUID.randomUUID().toString();
        String task = Fixtures.taskJson("角色", "2099-12-31", "TIME_BOUND", "");

        assertEquals(403, create(problem, key, task, TestTokens.token("测试人员", Roles.OFFICER)).status());
        PlainHttp.Answer allowed = create(problem, key, task, CLERK);

        assertEquals(201, allowed.status(), allowed.body());
        assertNull(allowed.header("Idempotent-Replayed"));
        assertEquals(1, tasksOf(problem));
    }

    /** A refusal of the request itself is its answer too: the same request again is refused the same way. */
    @Test
    void aRefusedRequestIsRefusedAgainAsItWas() {
        String problem = Fixtures.freshProblem();
        String key = UUID.randomUUID().toString();
        String untitled = Fixtures.taskJson("", "2099-12-31", "TIME_BOUND", "");

        PlainHttp.Answer first = create(problem, key, untitled, CLERK);
        PlainHttp.Answer retry = create(problem, key, untitled, CLERK);

        assertEquals(400, first.status(), first.body());
        assertEquals(List.of("title"), first.errorFields());
        assertEquals(400, retry.status());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.body(), retry.body());
        assertEquals(0, tasksOf(problem));
    }

    @Test
    void concurrentRequestsWithOneKeyMakeOneTask() throws Exception {
        String problem = Fixtures.freshProblem();
        String key = UUID.randomUUID().toString();
        String task = Fixtures.taskJson("并发任务", "2099-12-31", "TIME_BOUND", "");
        int senders = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<PlainHttp.Answer>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return create(problem, key, task, CLERK);
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<PlainHttp.Answer> answer : sent) {
                PlainHttp.Answer a = answer.get();
                if (a.status() == 201 && a.header("Idempotent-Replayed") == null) {
                    created++;
                } else if (a.status() == 409) {
                    assertEquals("IN_PROGRESS", a.json().path("idempotency").asText(), a.body());
                    assertEquals("1", a.header("Retry-After"));
                } else {
                    assertEquals(201, a.status(), a.body());
                    assertEquals("true", a.header("Idempotent-Replayed"));
                }
            }
            assertEquals(1, created, "requests that made the task");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, tasksOf(problem));
    }

    /**
     * A claim its instance never answered (it stopped while the request ran): while it may still run, a
     * retry is asked to wait; after that, told that the outcome is unknown; never run a second time.
     */
    @Test
    void aRetryOfARequestNeverAnsweredIsNotRunAgain() throws SQLException {
        String problem = Fixtures.freshProblem();
        String key = UUID.randomUUID().toString();
        String task = Fixtures.taskJson("中断任务", "2099-12-31", "TIME_BOUND", "");
        assertEquals(201, create(problem, key, task, CLERK).status());

        unanswered(key, "0 seconds");
        PlainHttp.Answer running = create(problem, key, task, CLERK);
        unanswered(key, "3 minutes");
        PlainHttp.Answer abandoned = create(problem, key, task, CLERK);

        assertEquals(409, running.status(), running.body());
        assertEquals("IN_PROGRESS", running.json().path("idempotency").asText());
        assertEquals("1", running.header("Retry-After"));
        assertEquals(List.of("Idempotency-Key"), running.errorFields());
        assertEquals(409, abandoned.status(), abandoned.body());
        assertEquals("OUTCOME_UNKNOWN", abandoned.json().path("idempotency").asText());
        assertNull(abandoned.header("Retry-After"));
        assertTrue(abandoned.json().path("detail").asText().contains("+08:00"), abandoned.body());
        assertEquals(1, tasksOf(problem));
    }

    @Test
    void aKeyExpiresAfterADay() throws SQLException {
        String problem = Fixtures.freshProblem();
        String key = UUID.randomUUID().toString();
        String task = Fixtures.taskJson("过期", "2099-12-31", "TIME_BOUND", "");
        assertEquals(201, create(problem, key, task, CLERK).status());

        age(key, "25 hours");
        PlainHttp.Answer dayLater = create(problem, key, task, CLERK);
        assertEquals(201, dayLater.status(), dayLater.body());
        assertNull(dayLater.header("Idempotent-Replayed"), "an expired key names no request any more");
        assertEquals(2, tasksOf(problem));

        age(key, "25 hours");
        assertTrue(keys.removeExpired() >= 1);
        assertEquals(0, rows(key));
    }

    /** A merge PATCH retried after its answer was lost: the first answer, not a 412 for the version it moved. */
    @Test
    void aPatchRetriedGetsItsFirstAnswer() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("改前", "2099-12-31", "TIME_BOUND", ""));
        String key = UUID.randomUUID().toString();
        String read = PlainHttp.request("GET", "/tasks/" + taskId).bearer(CLERK).send().header("ETag");

        PlainHttp.Answer first = patch(taskId, read, key);
        PlainHttp.Answer retry = patch(taskId, read, key);

        assertEquals(200, first.status(), first.body());
        assertEquals(200, retry.status(), retry.body());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertNotEquals(read, first.header("ETag"));
        assertEquals(412, patch(taskId, read, UUID.randomUUID().toString()).status(), "under another key it is a stale change");
    }

    /** Said once for every operation that reads it (platform openapi.IdempotentRequests), not per resource. */
    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentDescribesTheKeyWhereItIsRead() {
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) PlainHttp.openApiDocument().get("paths");
        Map<String, Object> create = paths.get("/problems/{problemId}/tasks").get("post");
        Map<String, Object> list = paths.get("/problems/{problemId}/tasks").get("get");

        assertTrue(((List<Map<String, Object>>) create.getOrDefault("parameters", List.of())).stream()
                .anyMatch(p -> "Idempotency-Key".equals(p.get("name")) && "header".equals(p.get("in"))), create.toString());
        assertTrue(((Map<String, Object>) create.get("responses")).keySet().containsAll(List.of("400", "409", "422")));
        assertTrue(((List<Map<String, Object>>) list.getOrDefault("parameters", List.of())).stream()
                .noneMatch(p -> "Idempotency-Key".equals(p.get("name"))), list.toString());
    }

    private static PlainHttp.Answer create(String problem, String key, String body, String token) {
        return PlainHttp.request("POST", "/problems/" + problem + "/tasks").bearer(token)
                .header("Idempotency-Key", key).body("application/json", body).send();
    }

    private static PlainHttp.Answer patch(String taskId, String ifMatch, String key) {
        return PlainHttp.request("PATCH", "/tasks/" + taskId).bearer(CLERK).header("If-Match", ifMatch)
                .header("Idempotency-Key", key).body("application/merge-patch+json", "{\"responsiblePerson\":\"王科长\"}").send();
    }

    private static int tasksOf(String problem) {
        return PlainHttp.request("GET", "/problems/" + problem + "/tasks").bearer(CLERK).send().json().path("total").asInt(-1);
    }

    /** As an instance that stopped after claiming the key would leave it, claimed {@code ago}. */
    private void unanswered(String key, String ago) throws SQLException {
        update(key, "UPDATE idempotent_request SET state = 'IN_PROGRESS', status = NULL, body = NULL,"
                + " created_at = now() - ?::interval WHERE idempotency_key = ?", ago);
    }

    private void age(String key, String ago) throws SQLException {
        update(key, "UPDATE idempotent_request SET created_at = now() - ?::interval WHERE idempotency_key = ?", ago);
    }

    private void update(String key, String sql, String ago) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, ago);
            update.setString(2, key);
            assertEquals(1, update.executeUpdate(), "the key's row");
        }
    }

    private int rows(String key) throws SQLException {
        return (int) Counts.of(dataSource, "SELECT count(*) FROM idempotent_request WHERE idempotency_key = ?", key);
    }
}
