package io.rectification.reporting.notice;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.TestTokens;
import io.rectification.reporting.ContractEvents;
import io.rectification.reporting.ReadModelRows;
import io.rectification.reporting.consumption.ConsumersCaughtUp;
import io.rectification.reporting.notice.Mailbox.Received;
import io.rectification.reporting.support.Sql;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daily digest at 08:30 Asia/Shanghai, with the clock pinned: not at 08:29:59, once at 08:30,
 * not again that day, not for the new day at its midnight (16:00 UTC) nor before its 08:30; across
 * a month end; and not for a person who turned it off.
 */
@QuarkusTest
class DailyDigestTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String UNIT = "摘要测试局";
    static final String OFFICER = "digest-officer@test.local";

    @Inject
    DailyDigest digest;
    @Inject
    Sql sql;
    @Inject
    ReadModelsCaughtUp readModels;

    final ContractEvents plan = new ContractEvents();
    final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void release() {
        AdjustableClock.release();
        given().auth().oauth2(TestTokens.tokenInUnit("notice-officer2", "通知测试局", "officer")).contentType(ContentType.JSON)
                .body(Map.of("digest", true)).when().put("/me/notice-preferences").then().statusCode(200);
    }

    @Test
    void oneDigestPerPersonAndDayFrom0830BeijingTime() {
        UUID area = plan.registerArea(1, "摘要测试方面-" + marker);
        UUID problem = plan.registerProblem(area, 2, "摘要测试问题-" + marker);
        await().atMost(WAIT).until(() -> ReadModelRows.hold(sql, "rm_problem", problem)
                && ReadModelRows.hold(sql, "rm_area", area));
        UUID monthEnd = task(area, problem, 1, "月末到期任务-" + marker, "2025-01-31", UNIT);
        UUID february = task(area, problem, 2, "二月到期任务-" + marker, "2025-02-05", UNIT);
        task(UUID.randomUUID(), UUID.randomUUID(), 3, "通知测试局任务-" + marker, "2025-02-03", "通知测试局");
        given().auth().oauth2(TestTokens.tokenInUnit("notice-officer2", "通知测试局", "officer")).contentType(ContentType.JSON)
                .body(Map.of("digest", false)).when().put("/me/notice-preferences").then().statusCode(200);
        sql.update("DELETE FROM notice_mail WHERE cause_key IN ('DIGEST|2025-01-31', 'DIGEST|2025-02-01')");

        pin("2025-01-31T08:00:00+08:00");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.tokenInUnit("d", UNIT, "officer"))
                .when().get("/todos").then().statusCode(200)
                .body("items.taskId", hasItem(monthEnd.toString())).body("items.taskId", hasItem(february.toString())));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.tokenInUnit("d", "通知测试局", "officer"))
                .when().get("/todos").then().statusCode(200).body("items.title", hasItem("通知测试局任务-" + marker)));

        pin("2025-01-31T08:29:59+08:00");
        digest.run();
        assertEquals(0, digests("DIGEST|2025-01-31", "digest-officer"), "not before 08:30");

        pin("2025-01-31T08:30:00+08:00");
        runCaughtUp();
        assertEquals(1, digests("DIGEST|2025-01-31", "digest-officer"));
        assertEquals(1, digests("DIGEST|2025-01-31", "notice-officer"));
        assertEquals(0, digests("DIGEST|2025-01-31", "notice-officer2"), "notice-officer2 turned the digest off");

        // (the digest of the real day, queued by the running job, lists these tasks too: only the pinned days count)
        await().atMost(WAIT).untilAsserted(() -> assertEquals(1, Mailbox.digests(OFFICER, "2025年1月31日", marker).size()));
        Received first = Mailbox.digests(OFFICER, "2025年1月31日", marker).get(0);
        assertTrue(first.subject().startsWith("【每日待办】2025年1月31日"), first.subject());
        // addressed by the directory's name; each task by the plan's numbering
        assertTrue(first.body().startsWith("周科长（摘要测试局）：\n截至1月31日，您有以下待办："), first.body());
        assertTrue(first.body().contains("任务临近完成时限"), first.body());
        assertTrue(first.body().contains("  · 任务（一）2.一是：月末到期任务-" + marker + "（" + UNIT + "） 2025年1月31日 今日到期"),
                first.body());
        assertTrue(first.body().contains("  · 任务（一）2.二是：二月到期任务-" + marker + "（" + UNIT + "） 2025年2月5日 还有5天"),
                first.body());
        assertTrue(first.body().contains("/console/tasks/" + monthEnd), first.body());

        // later that day, and at the last second of it: nothing more
        pin("2025-01-31T23:59:59+08:00");
        digest.run();
        // midnight in Beijing is 16:00 UTC: the 1st of February has begun, its digest is not due before 08:30
        pin("2025-01-31T16:00:00Z");
        digest.run();
        pin("2025-02-01T08:29:00+08:00");
        digest.run();
        assertEquals(1, digests("DIGEST|2025-01-31", "digest-officer"));
        assertEquals(0, digests("DIGEST|2025-02-01", "digest-officer"));

        pin("2025-02-01T08:30:00+08:00");
        runCaughtUp();
        digest.run();
        assertEquals(1, digests("DIGEST|2025-02-01", "digest-officer"));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(1, Mailbox.digests(OFFICER, "2025年2月1日", marker).size()));
        Received second = Mailbox.digests(OFFICER, "2025年2月1日", marker).get(0);
        assertTrue(second.body().contains("任务已逾期"), second.body());
        assertTrue(second.body().contains("任务（一）2.一是：月末到期任务-" + marker + "（" + UNIT + "） 2025年1月31日 已逾期1天"),
                second.body());
        assertTrue(second.body().contains("二月到期任务-" + marker + "（" + UNIT + "） 2025年2月5日 还有4天"), second.body());

        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> {
            assertEquals(1, Mailbox.digests(OFFICER, "2025年1月31日", marker).size(), "one digest per day");
            assertEquals(1, Mailbox.digests(OFFICER, "2025年2月1日", marker).size(), "one digest per day");
        });
    }

    /**
     * Finding 13 of the consistency review: a digest written at once after a start past 08:30 missed
     * to-dos whose events were still to be applied. The day's digest waits until the read models have
     * caught up with the topics (here a stand-in for the consumers' lag), then goes out with them.
     */
    @Test
    void afterAStartPast0830TheDigestWaitsForTheReadModelsToCatchUp() {
        Caught readModels = new Caught();
        QuarkusMock.installMockForType(readModels, ConsumersCaughtUp.class);
        UUID area = plan.registerArea(1, "摘要等待方面-" + marker);
        UUID problem = plan.registerProblem(area, 4, "摘要等待问题-" + marker);
        await().atMost(WAIT).until(() -> ReadModelRows.hold(sql, "rm_problem", problem)
                && ReadModelRows.hold(sql, "rm_area", area));
        UUID due = task(area, problem, 1, "追赶后到期任务-" + marker, "2025-03-05", UNIT);
        sql.update("DELETE FROM notice_mail WHERE cause_key = 'DIGEST|2025-03-03'");
        await().atMost(WAIT).until(() -> ReadModelRows.hold(sql, "rm_task", due));

        // 3 March, 09:10 in Beijing: a service (re)started after 08:30 whose consumers are still behind
        readModels.caughtUp = false;
        pin("2025-03-03T09:10:00+08:00");
        assertEquals(0, digest.run());
        assertEquals(0, digests("DIGEST|2025-03-03", "digest-officer"), "not while the read models are behind");

        readModels.caughtUp = true;
        pin("2025-03-03T09:10:05+08:00");
        digest.run();
        assertEquals(1, digests("DIGEST|2025-03-03", "digest-officer"));
        String body = sql.one("SELECT body FROM notice_mail WHERE cause_key = 'DIGEST|2025-03-03' AND recipient = 'digest-officer'",
                row -> row.getString(1));
        assertTrue(body.contains("追赶后到期任务-" + marker + "（" + UNIT + "） 2025年3月5日 还有2天"), body);
    }

    /**
     * A run once the read models have caught up with the topics, as the job's ticks get to one: the
     * events this test sent are applied (the to-dos show them) but the consumers commit their
     * offsets a moment later, and a day's digest waits for that (see the test below).
     */
    private void runCaughtUp() {
        await().atMost(WAIT).until(readModels::caughtUp);
        digest.run();
    }

    /** The consumers' lag as a test sets it. */
    static class Caught extends ConsumersCaughtUp {
        volatile boolean caughtUp;

        Caught() {
            super(null);
        }

        @Override
        public boolean caughtUp() {
            return caughtUp;
        }
    }

    private long digests(String cause, String person) {
        return sql.one("SELECT count(*) FROM notice_mail WHERE cause_key = ? AND recipient = ?", row -> row.getLong(1),
                cause, person);
    }

    private static void pin(String at) {
        AdjustableClock.pinAt(OffsetDateTime.parse(at).toInstant());
    }

    private UUID task(UUID area, UUID problem, int number, String title, String deadline, String unit) {
        UUID id = UUID.randomUUID();
        ContractEvents.sendTask("TaskUpdated", plan.task(id, area, problem, number, "IN_PROGRESS",
                deadline).put("title", title).put("responsibleUnit", unit), 1);
        return id;
    }
}
