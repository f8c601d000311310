package io.rectification.tasks.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.rectification.tasks.followup.FollowUpCheck;
import io.rectification.tasks.followup.FollowUpNotice;
import io.rectification.tasks.followup.FollowUps;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskSnapshot;
import io.rectification.tasks.task.TaskSnapshots;
import io.rectification.tasks.task.TaskWork;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The follow-up job's batch and a progress report on one of its tasks, run at the same time in the
 * interleaving that deadlocked before ({@link AuditLockFirst}): the report has written its task's
 * row and is held (a latch) just before its audit append, while the job's batch, one notice already
 * appended, goes on to the same task. With the audit chain's lock taken only at the append, the job
 * held the chain and waited for the row while the report held the row and then waited for the chain:
 * PostgreSQL killed one of them (40P01). With the lock taken first by every writer, the job waits for
 * the report at its start, and both succeed.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class AuditLockOrderTest {

    private static final long WAIT_SECONDS = 60;

    @Inject
    FollowUps followUps;

    @Inject
    TaskWork work;

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Test
    void theFollowUpBatchAndAProgressReportOnItsTaskBothCommit() throws Exception {
        String problemId = Fixtures.freshProblem();
        UUID first = UUID.fromString(Fixtures.task(problemId, Fixtures.taskJson("逾期任务", "2099-12-31", "TIME_BOUND", "")));
        UUID reported = UUID.fromString(Fixtures.task(problemId, Fixtures.taskJson("报送进展的任务", "2099-12-31", "TIME_BOUND", "")));
        given().contentType(ContentType.JSON).post("/tasks/" + reported + "/start").then().statusCode(200);

        CountDownLatch rowWritten = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        QuarkusMock.installMockForType(new HeldBeforeAudit(work, clock, reported, rowWritten, release), TaskSnapshots.class);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> report = threads.submit(() -> given().contentType(ContentType.JSON)
                    .body(Map.of("cadence", "WEEKLY", "periodStart", "2026-11-23", "periodEnd", "2026-11-29",
                            "text", "整改推进中", "percentComplete", 40))
                    .post("/tasks/" + reported + "/progress-reports").then().extract().statusCode());
            assertTrue(rowWritten.await(WAIT_SECONDS, TimeUnit.SECONDS), "the progress report wrote its task's row");

            Future<Integer> batch = threads.submit(() -> followUps.emit(notices(first, reported), OffsetDateTime.now(clock)));
            // the batch is blocked: on the task's row (the old order) or on the chain's lock (the new)
            await().atMost(Duration.ofSeconds(WAIT_SECONDS)).until(() -> sessionsWaitingForALock() > 0);
            release.countDown();

            assertEquals(201, report.get(WAIT_SECONDS, TimeUnit.SECONDS), "the progress report's answer");
            try {
                assertEquals(2, batch.get(WAIT_SECONDS, TimeUnit.SECONDS), "notices the batch published");
            } catch (ExecutionException e) {
                fail("the follow-up batch failed: " + e.getCause(), e.getCause());
            }
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        given().get("/audit/verify").then().statusCode(200);
    }

    /** Two overdue notices in this order: the first task's, then the reported task's. */
    private static FollowUpCheck notices(UUID first, UUID then) {
        String run = UUID.randomUUID().toString();
        return now -> List.of(overdue(first, run), overdue(then, run));
    }

    private static FollowUpNotice overdue(UUID taskId, String run) {
        RectificationTask task = RectificationTask.findById(taskId);
        LocalDate deadline = task.deadline;
        return new FollowUpNotice(task, taskId + "|LOCK-ORDER|" + run, "TaskOverdue",
                s -> new TasksEvent.TaskOverdue(s, deadline, "DEADLINE", null, null));
    }

    private long sessionsWaitingForALock() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .getSingleResult()).longValue());
    }

    /**
     * Snapshots as usual, except that the first snapshot of {@code held} (taken after its row was
     * flushed, before the event and the audit entry are appended) waits for {@code release}.
     */
    static class HeldBeforeAudit extends TaskSnapshots {

        private final UUID held;
        private final CountDownLatch rowWritten;
        private final CountDownLatch release;
        private final AtomicBoolean once = new AtomicBoolean();

        HeldBeforeAudit(TaskWork work, Clock clock, UUID held, CountDownLatch rowWritten, CountDownLatch release) {
            super(work, clock);
            this.held = held;
            this.rowWritten = rowWritten;
            this.release = release;
        }

        @Override
        public TaskSnapshot of(RectificationTask task) {
            if (held.equals(task.id) && once.compareAndSet(false, true)) {
                rowWritten.countDown();
                try {
                    release.await(WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.of(task);
        }
    }
}
