package io.rectification.reporting.notice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.reporting.ContractEvents;
import io.rectification.reporting.ReadModelRows;
import io.rectification.reporting.support.Sql;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 撤销: a cancelled task is told of nothing. Its notices not sent yet are dropped when its TaskCancelled
 * is applied: a cause not fanned out yet is set aside, the mails and webhook calls it was fanned out
 * into become DROPPED and never go; an event whose snapshot says the task is cancelled records no
 * cause. The clock is pinned at 23:59:30 on New Year's Eve in Shanghai (the overdue days count from
 * there); the notices' job is paused so that what is queued stays queued until the cancellation.
 */
@QuarkusTest
class CancelledTaskNoticesTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Sql sql;
    @Inject
    Scheduler scheduler;
    @Inject
    NoticeFanOut fanOut;

    final ContractEvents plan = new ContractEvents();
    final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void resume() {
        scheduler.resume("notices");
        AdjustableClock.release();
    }

    @Test
    void aCancelledTasksNoticesNotSentYetAreDroppedAndNoneIsRecordedForIt() {
        AdjustableClock.pinAt(Instant.parse("2026-12-31T15:59:30Z"));
        scheduler.pause("notices");
        // a tick under way when paused ends meanwhile
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);

        ObjectNode queued = overdue("已排队");
        await().atMost(WAIT).until(() -> causes(queued, false) == 1);
        fanOut.run(500); // into mails and webhook calls, which wait: the sender is paused
        long mails = count("SELECT count(*) FROM notice_mail WHERE cause_key LIKE ? AND state = 'PENDING'", queued);
        assertTrue(mails >= 2, "the unit's two officers are to be mailed: " + mails);
        ObjectNode recorded = overdue("已记录"); // its cause not fanned out yet
        await().atMost(WAIT).until(() -> causes(recorded, false) == 1);

        ContractEvents.sendTask("TaskCancelled", cancelled(queued, 3), 3);
        ContractEvents.sendTask("TaskCancelled", cancelled(recorded, 3), 3);
        await().atMost(WAIT).until(() -> causes(queued, true) == 1 && causes(recorded, true) == 1);
        assertEquals(mails, count("SELECT count(*) FROM notice_mail WHERE cause_key LIKE ? AND state = 'DROPPED'", queued));
        assertEquals(0, count("SELECT count(*) FROM notice_mail WHERE cause_key LIKE ? AND state <> 'DROPPED'", queued));
        assertEquals(0, count("SELECT count(*) FROM notice_webhook WHERE cause_key LIKE ? AND state <> 'DROPPED'", queued));
        assertEquals(0, count("SELECT count(*) FROM notice_mail WHERE cause_key LIKE ?", recorded),
                "a cause set aside is fanned out into nothing");

        // an event of a task already cancelled (as a late TaskOverdue would be) records no cause
        ObjectNode already = task("已撤销");
        ContractEvents.sendTask("TaskOverdue", cancelled(already, 2), 2, Map.of("dueDate", "2026-12-30", "what", "TASK"));
        // applied, and the notices with it
        await().atMost(WAIT).until(() -> ReadModelRows.hold(sql, "rm_task", already.get("id").asText()));
        assertEquals(0, causes(already, false) + causes(already, true));
        ObjectNode standing = overdue("未撤销");
        await().atMost(WAIT).until(() -> causes(standing, false) + causes(standing, true) == 1);

        // the job back: the standing task's notice goes, none of the cancelled ones' does
        scheduler.resume("notices");
        await().atMost(WAIT).untilAsserted(() -> assertEquals(1, titles().stream()
                .filter(title -> title.contains("未撤销")).count()));
        await().during(Duration.ofSeconds(3)).atMost(WAIT).untilAsserted(() -> assertFalse(titles().stream()
                .anyMatch(title -> title.contains("已排队") || title.contains("已记录") || title.contains("已撤销")),
                titles().toString()));
    }

    private ObjectNode task(String what) {
        return plan.task(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 4, "IN_PROGRESS", "2026-12-30")
                .put("title", "撤销通知" + what + "-" + marker).put("responsibleUnit", NoticesTest.UNIT);
    }

    /** A TaskOverdue of a task of the officers' unit due the day before; returns the task. */
    private ObjectNode overdue(String what) {
        ObjectNode task = task(what);
        ContractEvents.sendTask("TaskOverdue", task.deepCopy().put("version", 2), 2,
                Map.of("dueDate", "2026-12-30", "what", "TASK"));
        return task;
    }

    private static ObjectNode cancelled(ObjectNode task, long version) {
        ObjectNode copy = task.deepCopy();
        copy.put("version", version).put("cancelledAt", "2026-12-31T23:59:00+08:00").putArray("allowedTransitions");
        return copy;
    }

    /** The task's causes, fanned out (or set aside) or not. */
    private long causes(ObjectNode task, boolean fannedOut) {
        return count("SELECT count(*) FROM notice_cause WHERE cause_key LIKE ? AND fanned_out_at IS "
                + (fannedOut ? "NOT " : "") + "NULL", task);
    }

    private long count(String query, ObjectNode task) {
        return sql.one(query, row -> row.getLong(1), "%|" + task.get("id").asText() + "|%");
    }

    /** The subjects of the mails the officer received about this test's tasks. */
    private List<String> titles() {
        return Mailbox.notices(NoticesTest.OFFICER, marker).stream().map(Mailbox.Received::subject).toList();
    }
}
