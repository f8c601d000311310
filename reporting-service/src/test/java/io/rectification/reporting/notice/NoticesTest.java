package io.rectification.reporting.notice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.TestTokens;
import io.rectification.reporting.ContractEvents;
import io.rectification.reporting.ReadModelRows;
import io.rectification.reporting.notice.Mailbox.Received;
import io.rectification.reporting.support.Sql;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Immediate notices, sent through the real test mail server and read back over IMAP: to whom, once
 * per cause and person (the day's digest, which lists the same to-dos, is left out of the counts), with the reason of a rejection, honouring preferences, and never with any
 * personal data of the public.
 */
@QuarkusTest
class NoticesTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String UNIT = "通知测试局";
    static final String SUPERVISOR = "notice-ducha@test.local";
    static final String OFFICER = "notice-officer@test.local";
    static final String OFFICER2 = "notice-officer2@test.local";
    static final String COORDINATOR = "notice-zhengban@test.local";
    /** 来信来电: handles feedback without being a coordinator. */
    static final String FEEDBACK_HANDLER = "notice-xinfang@test.local";
    static final List<String> EVERYONE = List.of(SUPERVISOR, OFFICER, OFFICER2, COORDINATOR, FEEDBACK_HANDLER,
            "digest-officer@test.local");

    @Inject
    Sql sql;
    @Inject
    NoticeFanOut fanOut;

    final ContractEvents plan = new ContractEvents();
    final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void everythingOnAgain() {
        AdjustableClock.release();
        for (String person : List.of("notice-officer", "notice-officer2")) {
            given().auth().oauth2(TestTokens.tokenInUnit(person, UNIT, "officer")).contentType(ContentType.JSON)
                    .body(Map.of("digest", true)).when().put("/me/notice-preferences").then().statusCode(200);
        }
    }

    @Test
    void aClaimReachesTheSupervisorsOnceAndARejectionItsReasonToTheUnit() {
        // the plan's numbering: the first task of the third problem of the second area is （二）3.一是
        UUID area = plan.registerArea(2, "选人用人方面-" + marker);
        UUID problem = plan.registerProblem(area, 3, "办公用房超标-" + marker);
        await().atMost(WAIT).until(() -> ReadModelRows.hold(sql, "rm_problem", problem)
                && ReadModelRows.hold(sql, "rm_area", area));
        ObjectNode task = plan.task(UUID.randomUUID(), area, problem, 1, "COMPLETION_CLAIMED",
                "2025-06-30").put("title", "清理违规占用办公用房-" + marker).put("responsibleUnit", UNIT)
                .put("claimedBy", "notice-officer");
        ContractEvents.sendTask("TaskCompletionClaimed", task, 4);
        // the same claim read again (a producer's retry with a new event id): the same cause
        ContractEvents.sendTask("TaskCompletionClaimed", task, 4);

        await().atMost(WAIT).untilAsserted(() -> assertEquals(1, Mailbox.notices(SUPERVISOR, marker).size()));
        Received claim = Mailbox.notices(SUPERVISOR, marker).get(0);
        assertEquals("【销号待核验】任务（二）3.一是：清理违规占用办公用房-" + marker, claim.subject());
        assertTrue(claim.body().contains("\n任务：（二）3.一是 清理违规占用办公用房-" + marker + "\n"), claim.body());
        assertTrue(claim.body().contains("责任单位：" + UNIT), claim.body());
        // the person by the directory's name, not the username the event carries
        assertTrue(claim.body().contains("\n申请人：李科长（通知测试局）\n"), claim.body());
        assertTrue(claim.body().contains("/console/tasks/" + task.get("id").asText()), claim.body());
        // automated: nothing should answer it, and it has the notice's own id (a repeat is the same message)
        assertEquals("auto-generated", claim.autoSubmitted());
        assertTrue(claim.messageId().matches("<notice\\.\\d+\\.\\d+@rectification\\.local>"), claim.messageId());

        task.put("state", "IN_PROGRESS");
        task.putObject("lastRejection").put("reason", "佐证材料不足-" + marker).put("by", "notice-ducha");
        ContractEvents.sendTask("TaskCompletionRejected", task, 5, Map.of("reason", "佐证材料不足-" + marker));
        await().atMost(WAIT).untilAsserted(() -> {
            assertEquals(1, Mailbox.notices(OFFICER, "佐证材料不足-" + marker).size());
            assertEquals(1, Mailbox.notices(OFFICER2, "佐证材料不足-" + marker).size());
        });
        Received rejection = Mailbox.notices(OFFICER, marker).get(0);
        assertTrue(rejection.subject().startsWith("【销号申请被退回】"), rejection.subject());
        assertTrue(rejection.subject().startsWith("【销号申请被退回】任务（二）3.一是：清理违规占用办公用房-"), rejection.subject());
        assertTrue(rejection.body().contains("\n退回人：陈组长（督查）\n退回理由：佐证材料不足-" + marker), rejection.body());

        // a fan-out repeated after a crash (the cause not yet marked done) adds no second mail
        int again = sql.update("UPDATE notice_cause SET fanned_out_at = NULL WHERE cause_key LIKE ?",
                "%|" + task.get("id").asText() + "|%");
        assertEquals(2, again);
        await().atMost(WAIT).until(() -> sql.one("SELECT count(*) FROM notice_cause WHERE fanned_out_at IS NULL"
                + " AND cause_key LIKE ?", row -> row.getLong(1), "%|" + task.get("id").asText() + "|%") == 0);
        assertEquals(2L, (long) sql.one("SELECT count(*) FROM notice_mail WHERE cause_key LIKE ?",
                row -> row.getLong(1), "COMPLETION_REJECTED|" + task.get("id").asText() + "|%"));
        await().during(Duration.ofSeconds(3)).atMost(WAIT).untilAsserted(() -> {
            assertEquals(1, Mailbox.notices(SUPERVISOR, marker).size(), "the supervisor is told once");
            assertEquals(1, Mailbox.notices(OFFICER, marker).size(), "the officer is told once (not of the claim)");
        });
        assertTrue(Mailbox.notices(COORDINATOR, marker).isEmpty(), "the coordinators are not told of claims");
    }

    /**
     * tasks-service numbers a 群众反映 problem in its area's one sequence, so its task's （三）5.一是 is no
     * finding of the inspection's notice: the mail says its source before the numbering, and the
     * webhook's facts carry it (taskSource), read from the problem the consumer built.
     */
    @Test
    void aClaimOnATaskOfAComplaintSaysTheSourceBeforeTheNumbering() {
        UUID area = plan.registerArea(3, "群众反映方面-" + marker);
        UUID problem = plan.registerProblem(area, 5, "园区道路积水-" + marker, "FEEDBACK");
        await().atMost(WAIT).until(() -> ReadModelRows.hold(sql, "rm_problem", problem)
                && ReadModelRows.hold(sql, "rm_area", area));
        ObjectNode task = plan.task(UUID.randomUUID(), area, problem, 1, "COMPLETION_CLAIMED", "2025-06-30")
                .put("title", "整治园区道路积水-" + marker).put("responsibleUnit", UNIT).put("claimedBy", "notice-officer");
        ContractEvents.sendTask("TaskCompletionClaimed", task, 4);

        await().atMost(WAIT).untilAsserted(() -> assertEquals(1, Mailbox.notices(SUPERVISOR, marker).size()));
        Received claim = Mailbox.notices(SUPERVISOR, marker).get(0);
        assertEquals("【销号待核验】群众反映任务（三）5.一是：整治园区道路积水-" + marker, claim.subject());
        assertTrue(claim.body().contains("\n任务：群众反映（三）5.一是 整治园区道路积水-" + marker + "\n"), claim.body());
        String facts = sql.one("SELECT facts::text FROM notice_cause WHERE cause_key LIKE ?", row -> row.getString(1),
                "CLAIM_TO_VERIFY|" + task.get("id").asText() + "|%");
        assertTrue(facts.contains("\"taskSource\": \"FEEDBACK\""), facts);
        assertTrue(facts.contains("\"label\": \"（三）5.一是\""), facts);
    }

    /**
     * The unit hears that its claim went through (销号), as it hears of a rejection, with the verifier's
     * note and the inspection the task is of; once per close-out, whoever else reads the event.
     */
    @Test
    void aCloseOutIsToldToTheUnitWithTheVerifiersNoteAndTheInspection() {
        plan.registerInspection();
        UUID area = plan.registerArea(2, "作风建设方面-" + marker);
        UUID problem = plan.registerProblem(area, 1, "会议记录不规范-" + marker);
        await().atMost(WAIT).until(() -> ReadModelRows.hold(sql, "rm_problem", problem)
                && ReadModelRows.hold(sql, "rm_inspection", plan.inspectionId));
        ObjectNode task = plan.task(UUID.randomUUID(), area, problem, 1, "VERIFIED", "2025-06-30")
                .put("title", "规范党工委会议记录-" + marker).put("responsibleUnit", UNIT).put("claimedBy", "notice-officer");
        task.putObject("verificationNote").put("text", "台账齐全，予以销号-" + marker).put("by", "notice-supervisor")
                .put("at", "2025-06-20T10:00:00+08:00");
        ContractEvents.sendTask("TaskCompleted", task, 6);

        await().atMost(WAIT).untilAsserted(() -> {
            assertEquals(1, Mailbox.notices(OFFICER, "台账齐全，予以销号-" + marker).size());
            assertEquals(1, Mailbox.notices(OFFICER2, "台账齐全，予以销号-" + marker).size());
        });
        Received closed = Mailbox.notices(OFFICER, marker).get(0);
        // which inspection, in the subject too (the read models' title)
        assertEquals("【已销号】［省委第七巡视组专项巡视沈阳高新区］任务（二）1.一是：规范党工委会议记录-" + marker, closed.subject());
        assertTrue(closed.body().contains("\n所属巡视：省委第七巡视组专项巡视沈阳高新区\n"), closed.body());
        assertTrue(closed.body().contains("\n核实意见：台账齐全，予以销号-" + marker + "\n"), closed.body());
    }

    /**
     * Finding 3 of the consistency review: a look-back that reopened a close-out and a deadline the
     * office moved reached no one. Both now mail the task's unit at once, with the reason and who.
     */
    @Test
    void aReopeningAndAMovedDeadlineAreToldToTheUnitWithTheReason() {
        UUID area = plan.registerArea(1, "党风廉政方面-" + marker);
        UUID problem = plan.registerProblem(area, 1, "公务用车管理不规范-" + marker);
        await().atMost(WAIT).until(() -> ReadModelRows.hold(sql, "rm_problem", problem)
                && ReadModelRows.hold(sql, "rm_area", area));
        ObjectNode task = plan.task(UUID.randomUUID(), area, problem, 2, "REOPENED", "2025-06-30")
                .put("title", "规范公务用车管理-" + marker).put("responsibleUnit", UNIT).put("reopenCount", 1);
        task.putObject("lastReopen").put("reason", "抽查发现3辆车未入库-" + marker).put("by", "notice-ducha")
                .put("at", "2025-03-07T15:00:00+08:00");
        // the review gave the rework its deadline (2025-06-30) in place of the close-out's (2024-12-31)
        ContractEvents.sendTask("TaskReopened", task, 7, Map.of("reason", "抽查发现3辆车未入库-" + marker,
                "reviewId", UUID.randomUUID().toString(), "previousDeadline", "2024-12-31"));
        await().atMost(WAIT).untilAsserted(() -> {
            assertEquals(1, Mailbox.notices(OFFICER, "抽查发现3辆车未入库-" + marker).size());
            assertEquals(1, Mailbox.notices(OFFICER2, "抽查发现3辆车未入库-" + marker).size());
        });
        Received reopened = Mailbox.notices(OFFICER, "抽查发现3辆车未入库-" + marker).get(0);
        assertEquals("【再整改】任务（一）1.二是：规范公务用车管理-" + marker, reopened.subject());
        assertTrue(reopened.body().contains("\n完成时限：2025年6月30日\n原完成时限：2024年12月31日\n复查人：陈组长（督查）\n复查意见：抽查发现3辆车未入库-"
                + marker), reopened.body());

        task.put("state", "IN_PROGRESS").put("deadline", "2025-09-30");
        task.putObject("lastDeadlineChange").put("from", "2025-06-30").put("to", "2025-09-30")
                .put("reason", "用地报批延后-" + marker).put("by", "notice-zhengban").put("at", "2025-03-08T09:00:00+08:00");
        ContractEvents.sendTask("TaskDeadlineChanged", task, 8, Map.of("previousDeadline", "2025-06-30",
                "reason", "用地报批延后-" + marker));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(1, Mailbox.notices(OFFICER, "用地报批延后-" + marker).size()));
        Received moved = Mailbox.notices(OFFICER, "用地报批延后-" + marker).get(0);
        assertEquals("【完成时限调整】任务（一）1.二是：规范公务用车管理-" + marker + "（2025年6月30日调整为2025年9月30日）", moved.subject());
        assertTrue(moved.body().contains("\n完成时限：2025年9月30日\n原完成时限：2025年6月30日\n调整人："), moved.body());
        assertTrue(moved.body().contains("\n调整理由：用地报批延后-" + marker), moved.body());
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> {
            assertEquals(2, Mailbox.notices(OFFICER, marker).size(), "the officers are told once of each");
            assertTrue(Mailbox.notices(SUPERVISOR, marker).isEmpty(), "the unit's matters, not the supervisors'");
            assertTrue(Mailbox.notices(COORDINATOR, marker).isEmpty(), "the office moved it itself");
        });
    }

    @Test
    void anOverdueTaskIsToldToTheOfficersWhoHaveNotTurnedItOff() {
        given().auth().oauth2(TestTokens.tokenInUnit("notice-officer2", UNIT, "officer")).contentType(ContentType.JSON)
                .body(Map.of("digest", true, "notices", Map.of("TASK_OVERDUE", false)))
                .when().put("/me/notice-preferences")
                .then().statusCode(200).body("notices.TASK_OVERDUE", equalTo(false))
                .body("notices.COMPLETION_REJECTED", equalTo(true));
        given().auth().oauth2(TestTokens.tokenInUnit("notice-officer2", UNIT, "officer")).when().get("/me/notice-preferences")
                .then().statusCode(200).body("digest", equalTo(true)).body("notices.TASK_OVERDUE", equalTo(false))
                .body("labels.TASK_OVERDUE", equalTo("任务逾期"));

        ObjectNode task = plan.task(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 9, "IN_PROGRESS", "2025-03-31")
                .put("title", "完善干部选任程序-" + marker).put("responsibleUnit", UNIT);
        Map<String, Object> overdue = new LinkedHashMap<>();
        overdue.put("dueDate", "2025-03-31");
        overdue.put("what", "TASK");
        ContractEvents.sendTask("TaskOverdue", task, 2, overdue);
        ContractEvents.sendTask("TaskOverdue", task, 2, overdue);

        await().atMost(WAIT).untilAsserted(() -> assertEquals(1, Mailbox.notices(OFFICER, marker).size()));
        Received mail = Mailbox.notices(OFFICER, marker).get(0);
        assertTrue(mail.subject().startsWith("【任务逾期】任务9：完善干部选任程序-" + marker), mail.subject());
        assertTrue(mail.body().contains("已超过完成时限（2025年3月31日）"), mail.body());
        await().during(Duration.ofSeconds(3)).atMost(WAIT).untilAsserted(() ->
                assertTrue(Mailbox.notices(OFFICER2, marker).isEmpty(), "notice-officer2 turned overdue notices off"));
        assertTrue(Mailbox.notices(SUPERVISOR, marker).isEmpty());
    }

    @Test
    void aReplyDeadlineReachesTheCoordinatorsWithoutAnythingOfWhoWroteOrWhat() {
        // the days overdue are counted when the mail is written: 19 March, 08:00 in Beijing (before the digest)
        AdjustableClock.pinAt(Instant.parse("2025-03-19T00:00:00Z"));
        UUID publication = plan.publish("2025-03-01T00:00:00+08:00", "2025-03-31T23:59:59+08:00");
        // the inspection read here first, so the notice names the one the feedback came in for
        plan.registerInspection();
        await().atMost(WAIT).until(() -> ReadModelRows.hold(sql, "rm_inspection", plan.inspectionId));
        UUID feedback = UUID.randomUUID();
        String name = "张三丰" + marker;
        String phone = "139" + marker.replaceAll("[^0-9]", "7").substring(0, 4) + "8866";
        String email = "zhangsan" + marker + "@example.com";
        String address = "沈阳市浑南区智慧二街" + marker + "号";
        String message = "举报某局干部吃拿卡要" + marker;
        // a producer's mistake: personal data in the events. None of it may go any further.
        ObjectNode received = plan.feedback(feedback, publication, "WEB", "RECEIVED", "2025-03-01T09:00:00+08:00")
                .put("category", "MISCONDUCT_REPORT").put("name", name).put("phone", phone).put("email", email)
                .put("address", address).put("content", message);
        ContractEvents.sendFeedback("FeedbackReceived", received, 1, Map.of("submitter",
                Map.of("name", name, "phone", phone, "email", email, "address", address), "text", message));
        Map<String, Object> overdue = new LinkedHashMap<>();
        overdue.put("feedbackId", feedback.toString());
        overdue.put("publicationId", publication.toString());
        overdue.put("inspectionId", plan.inspectionId.toString());
        overdue.put("category", "MISCONDUCT_REPORT");
        overdue.put("replyDueDate", "2025-03-16");
        overdue.put("daysOverdue", 3);
        overdue.put("name", name);
        overdue.put("phone", phone);
        overdue.put("content", message);
        ContractEvents.send(io.rectification.platform.events.EventTopics.FEEDBACK, "FeedbackReplyOverdue", "Feedback",
                feedback, 2, overdue);
        Map<String, Object> dueSoon = new LinkedHashMap<>(overdue);
        dueSoon.put("replyDueDate", "2025-03-16");
        dueSoon.put("daysOverdue", 0);
        ContractEvents.send(io.rectification.platform.events.EventTopics.FEEDBACK, "FeedbackReplyDueSoon", "Feedback",
                feedback, 2, dueSoon);

        await().atMost(WAIT).untilAsserted(() -> assertEquals(2, Mailbox.notices(COORDINATOR, feedback.toString()).size()));
        // those who handle feedback without being coordinators are told as well
        await().atMost(WAIT).untilAsserted(() -> assertEquals(2, Mailbox.notices(FEEDBACK_HANDLER, feedback.toString()).size()));
        assertTrue(Mailbox.notices(SUPERVISOR, feedback.toString()).isEmpty(), "supervisors answer no feedback");
        Received late = Mailbox.notices(COORDINATOR, feedback.toString()).stream()
                .filter(m -> m.subject().startsWith("【群众反映答复逾期】")).findFirst().orElseThrow();
        // named as the 待办 list names it (category · channel · when received, from the read model), not by its UUID
        String title = "群众反映（举报） · 网上 · 2025年3月1日 09:00收到";
        assertEquals("【群众反映答复逾期】［省委第七巡视组专项巡视沈阳高新区］" + title + "（已逾期3天）", late.subject());
        assertTrue(late.body().contains("答复期限为2025年3月16日，已逾期3天"), late.body());
        assertTrue(late.body().contains("\n反映：" + title + "\n"), late.body());
        // the id in the link to its page alone
        assertEquals(1, late.text().split(feedback.toString(), -1).length - 1, late.text());
        assertFalse(late.subject().contains(feedback.toString().substring(0, 8)), late.subject());

        // the coordinators' and handlers' to-do shows it too, with nothing of it either
        String todos = given().auth().oauth2(TestTokens.token("notice-zhengban", "coordinator")).when().get("/todos")
                .then().statusCode(200).body("items.feedbackId", hasItem(feedback.toString())).extract().asString();
        given().auth().oauth2(TestTokens.token("notice-xinfang", "feedback-handler", "personal-data")).when().get("/todos")
                .then().statusCode(200).body("items.feedbackId", hasItem(feedback.toString()));
        given().auth().oauth2(TestTokens.token("notice-xinfang", "feedback-handler", "personal-data"))
                .when().get("/me/notice-preferences").then().statusCode(200)
                .body("applicable", equalTo(List.of("FEEDBACK_REPLY_DUE_SOON", "FEEDBACK_REPLY_OVERDUE")));
        List<String> personal = List.of(name, phone, email, address, message, marker);
        for (String value : personal) {
            assertFalse(todos.contains(value), "personal data in a to-do: " + value);
        }
        // nothing of it in any mail anyone received, nor in the webhook's queued bodies
        for (String person : EVERYONE) {
            for (Received mail : Mailbox.of(person)) {
                for (String value : personal) {
                    assertFalse(mail.text().contains(value), "personal data in a mail to " + person + ": " + value);
                }
            }
        }
        List<String> bodies = sql.query("SELECT body FROM notice_webhook WHERE cause_key LIKE ?", row -> row.getString(1),
                "%" + feedback + "%");
        assertEquals(2, bodies.size());
        for (String body : bodies) {
            for (String value : personal) {
                assertFalse(body.contains(value), "personal data in a webhook body: " + value);
            }
        }
    }

    @Test
    void aCauseThatCannotBeReadIsSetAsideAndTheNoticesBehindItGoOut() {
        // recorded before the claim below, so first in the queue: facts this build cannot read, a kind it does not know
        String unreadable = "TASK_OVERDUE|unreadable-" + marker;
        String retired = "SMS_EVERY_HOUR|" + marker;
        for (String[] cause : List.of(new String[]{unreadable, "TASK_OVERDUE", "{\"dueDate\":\"not-a-date\"}"},
                new String[]{retired, "SMS_EVERY_HOUR", "{}"})) {
            sql.update("""
                    INSERT INTO notice_cause (cause_key, kind, audience_role, audience_unit, facts, occurred_at, recorded_at)
                    VALUES (?, ?, 'officer', ?, CAST(? AS jsonb), now(), now() - interval '1 hour')""",
                    cause[0], cause[1], UNIT, cause[2]);
        }
        UUID area = plan.registerArea(4, "作风建设方面-" + marker);
        UUID problem = plan.registerProblem(area, 1, "文山会海-" + marker);
        await().atMost(WAIT).until(() -> ReadModelRows.hold(sql, "rm_problem", problem));
        ObjectNode task = plan.task(UUID.randomUUID(), area, problem, 1, "COMPLETION_CLAIMED", "2025-06-30")
                .put("title", "精简会议文件-" + marker).put("responsibleUnit", UNIT).put("claimedBy", "notice-officer");
        ContractEvents.sendTask("TaskCompletionClaimed", task, 4);

        await().atMost(WAIT).untilAsserted(() -> assertEquals(1, Mailbox.notices(SUPERVISOR, marker).size()));
        for (String key : List.of(unreadable, retired)) {
            assertEquals(1L, (long) sql.one("SELECT count(*) FROM notice_cause WHERE cause_key = ? AND fanned_out_at IS NOT NULL",
                    row -> row.getLong(1), key), key + " is set aside");
            assertEquals(0L, (long) sql.one("SELECT count(*) FROM notice_mail WHERE cause_key = ?", row -> row.getLong(1), key));
        }
    }

    @Test
    void badPreferencesAreRefusedNamingTheField() {
        String token = TestTokens.tokenInUnit("notice-officer", UNIT, "officer");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("notices", Map.of()))
                .when().put("/me/notice-preferences")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("digest"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("digest", true, "notices", Map.of("SMS_EVERY_HOUR", true)))
                .when().put("/me/notice-preferences")
                .then().statusCode(400).body("errors.field", hasItem("notices.SMS_EVERY_HOUR"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("digest", true, "notices", Map.of("TASK_OVERDUE", "no")))
                .when().put("/me/notice-preferences")
                .then().statusCode(400).body("errors.field", hasItem("notices.TASK_OVERDUE"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("digest", "yes"))
                .when().put("/me/notice-preferences")
                .then().statusCode(400).body("errors.field", hasItem("digest"));
        // a text or a number is not a boolean, even one Jackson would read as true
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("digest", "true"))
                .when().put("/me/notice-preferences")
                .then().statusCode(400).body("errors.field", hasItem("digest"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("digest", true, "notices", Map.of("TASK_OVERDUE", 0)))
                .when().put("/me/notice-preferences")
                .then().statusCode(400).body("errors.field", hasItem("notices.TASK_OVERDUE"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("null")
                .when().put("/me/notice-preferences")
                .then().statusCode(400).body("errors.field", hasItem("body"));
        // a member that is not a preference is refused, not dropped
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("digest", true, "sms", true))
                .when().put("/me/notice-preferences")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("sms"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("digest", true, "labels", "x"))
                .when().put("/me/notice-preferences")
                .then().statusCode(400).body("errors.field", hasItem("labels"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("digest", true, "labels", Map.of("TASK_OVERDUE", "随便改个名字")))
                .when().put("/me/notice-preferences")
                .then().statusCode(400).body("errors.field", hasItem("labels"));
        given().when().get("/me/notice-preferences").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("system", "integration")).when().get("/me/notice-preferences")
                .then().statusCode(403);
    }

    @Test
    void whatGetAnswersCanBeSentBackWithOneNoticeTurnedOff() {
        String token = TestTokens.tokenInUnit("notice-roundtrip", UNIT, "officer");
        Map<String, Object> answered = given().auth().oauth2(token).when().get("/me/notice-preferences")
                .then().statusCode(200).extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        Map<String, Object> notices = new LinkedHashMap<>((Map<String, Object>) answered.get("notices"));
        notices.put("COMPLETION_REJECTED", false);
        Map<String, Object> sent = new LinkedHashMap<>(answered);
        sent.put("notices", notices);
        sent.put("digest", false);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(sent).when().put("/me/notice-preferences")
                .then().statusCode(200).body("digest", equalTo(false)).body("notices.COMPLETION_REJECTED", equalTo(false))
                .body("notices.TASK_OVERDUE", equalTo(true)).body("labels.COMPLETION_REJECTED", equalTo("销号申请被退回"))
                // an officer is sent the notices of the unit's tasks, not those of supervisors or the office
                .body("applicable", equalTo(List.of("COMPLETION_REJECTED", "TASK_OVERDUE", "TASK_REOPENED", "TASK_CLOSED_OUT", "DEADLINE_CHANGED",
                        "DEADLINE_EXTENSION_REFUSED")))
                .body("digestAt", equalTo("08:30"));
        sent.put("applicable", List.of("CLAIM_TO_VERIFY"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(sent).when().put("/me/notice-preferences")
                .then().statusCode(400).body("errors.field", hasItem("applicable"));
        given().auth().oauth2(TestTokens.tokenInUnit("notice-roundtrip", UNIT, "supervisor")).when().get("/me/notice-preferences")
                .then().statusCode(200).body("applicable", equalTo(List.of("CLAIM_TO_VERIFY")));
    }
}
