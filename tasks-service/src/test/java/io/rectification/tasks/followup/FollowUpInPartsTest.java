package io.rectification.tasks.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.PinnedClock;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.rectification.tasks.task.RectificationTask;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * More overdue tasks than one part ({@link FollowUps#NOTICES_PER_PART}): a run that fails in its
 * second part keeps the first part committed and nothing of the second; the next run publishes the
 * rest, part by part, and a third finds nothing left. Every overdue task gets exactly one notice and
 * one TaskOverdue event, and the claims were committed by one transaction per part. Before, the run
 * was one transaction: the failure kept nothing, and the rerun committed everything at once.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class FollowUpInPartsTest {

    @RegisterExtension
    static final PinnedClock CLOCK = PinnedClock.at("2026-11-29T16:30:00Z");

    private static final int TASKS = 2 * FollowUps.NOTICES_PER_PART + 50;

    @Inject
    FollowUps followUps;

    @Inject
    OverdueCheck overdue;

    @Test
    void everyOverdueTaskGetsOneNoticeAndEachPartCommitsOnItsOwn() {
        UUID inspectionId = inspectionWithOverdueTasks(TASKS);
        FollowUpCheck ours = now -> overdue.dueAt(now).stream()
                .filter(notice -> notice.task().inspectionId.equals(inspectionId)).toList();
        int failingAt = FollowUps.NOTICES_PER_PART + 100;
        FollowUpCheck failingInTheSecondPart = now -> {
            List<FollowUpNotice> due = new ArrayList<>(ours.dueAt(now));
            FollowUpNotice failing = due.get(failingAt);
            due.set(failingAt, new FollowUpNotice(failing.task(), failing.key(), failing.eventType(), snapshot -> {
                throw new IllegalStateException("the run stops here (the test's)");
            }));
            return due;
        };

        assertEquals(TASKS, QuarkusTransaction.requiringNew().call(() -> ours.dueAt(CLOCK.now()).size()),
                "overdue tasks of the test's inspection");
        assertThrows(IllegalStateException.class, () -> followUps.emit(failingInTheSecondPart, CLOCK.now()));
        assertEquals(FollowUps.NOTICES_PER_PART, notices(inspectionId), "notices kept after the run failed in its second part");
        assertEquals(FollowUps.NOTICES_PER_PART, overdueEvents(inspectionId), "events kept after the run failed in its second part");

        assertEquals(TASKS - FollowUps.NOTICES_PER_PART, followUps.emit(ours, CLOCK.now()), "events of the next run");
        assertEquals(0, followUps.emit(ours, CLOCK.now()), "events of a run after all went out");

        assertEquals(TASKS, notices(inspectionId), "notices");
        assertEquals(TASKS, count("SELECT count(DISTINCT n.task_id) FROM task_follow_up_notice n JOIN rectification_task t "
                + "ON t.id = n.task_id WHERE t.inspection_id = ?1", inspectionId), "tasks with a notice");
        assertEquals(TASKS, overdueEvents(inspectionId), "TaskOverdue events");
        assertEquals(TASKS, count("SELECT count(DISTINCT o.aggregate_id) FROM outbox_event o JOIN rectification_task t "
                + "ON o.aggregate_id = CAST(t.id AS text) WHERE o.event_type = 'TaskOverdue' AND t.inspection_id = ?1",
                inspectionId), "tasks with a TaskOverdue event");
        // each part's claims were committed by a transaction of their own (xmin: the inserting transaction)
        assertEquals(List.of(50L, 200L, 200L), QuarkusTransaction.requiringNew().call(() ->
                RectificationTask.getEntityManager().createNativeQuery("""
                                SELECT count(*) FROM task_follow_up_notice n JOIN rectification_task t ON t.id = n.task_id
                                WHERE t.inspection_id = ?1 GROUP BY CAST(n.xmin AS text) ORDER BY 1""")
                        .setParameter(1, inspectionId).getResultList().stream().map(n -> ((Number) n).longValue()).toList()),
                "notices committed together, per transaction");
        given().get("/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    /** A plan (POST /plans) of {@code tasks} tasks whose deadline is long past, under problems of 50. */
    private static UUID inspectionWithOverdueTasks(int tasks) {
        StringBuilder problems = new StringBuilder();
        for (int p = 0; p * 50 < tasks; p++) {
            StringBuilder taskJson = new StringBuilder();
            for (int t = p * 50; t < Math.min(tasks, (p + 1) * 50); t++) {
                taskJson.append(taskJson.isEmpty() ? "" : ",")
                        .append(Fixtures.taskJson("逾期任务第" + t + "项", "2024-05-01", "TIME_BOUND", ""));
            }
            problems.append(problems.isEmpty() ? "" : ",").append("{\"title\":\"具体问题").append(p)
                    .append("\",\"tasks\":[").append(taskJson).append("]}");
        }
        String plan = "{\"inspection\":" + Fixtures.inspectionJson() + ",\"areas\":[{\"title\":\"反馈问题\",\"problems\":["
                + problems + "]}]}";
        return UUID.fromString(given().contentType("application/json").body(plan).post("/plans")
                .then().statusCode(201).extract().path("inspectionId"));
    }

    private static long notices(UUID inspectionId) {
        return count("SELECT count(*) FROM task_follow_up_notice n JOIN rectification_task t ON t.id = n.task_id "
                + "WHERE t.inspection_id = ?1", inspectionId);
    }

    private static long overdueEvents(UUID inspectionId) {
        return count("SELECT count(*) FROM outbox_event o JOIN rectification_task t ON o.aggregate_id = CAST(t.id AS text) "
                + "WHERE o.event_type = 'TaskOverdue' AND t.inspection_id = ?1", inspectionId);
    }

    private static long count(String sql, UUID inspectionId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) RectificationTask.getEntityManager()
                .createNativeQuery(sql).setParameter(1, inspectionId).getSingleResult()).longValue());
    }
}
