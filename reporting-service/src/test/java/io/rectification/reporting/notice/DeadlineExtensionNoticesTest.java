package io.rectification.reporting.notice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.TestTokens;
import io.rectification.reporting.ContractEvents;
import io.rectification.reporting.ReadModelRows;
import io.rectification.reporting.notice.Mailbox.Received;
import io.rectification.reporting.support.Sql;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 延期申请: the office (整改办) has a request to decide (待办 延期申请待审批) from the event that made it until
 * the one that decided it; a refusal is mailed to the unit's officers with the office's reason, read back
 * over IMAP from the test mail server (an approval is the TaskDeadlineChanged mail, NoticesTest).
 */
@QuarkusTest
class DeadlineExtensionNoticesTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String UNIT = "通知测试局";

    @Inject
    Sql sql;

    final ContractEvents plan = new ContractEvents();
    final String marker = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void release() {
        AdjustableClock.release();
    }

    /** The to-do's one reason (a task's entry names each, the most urgent first: GET /todos). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> reasonOf(Map<String, Object> todo) {
        List<Map<String, Object>> reasons = (List<Map<String, Object>>) todo.get("reasons");
        assertEquals(1, reasons.size(), reasons.toString());
        return reasons.get(0);
    }

    private static List<Map<String, Object>> extensionTodos(String token, UUID taskId) {
        JsonPath todos = given().auth().oauth2(token).when().get("/todos").then().statusCode(200).extract().jsonPath();
        return todos.getList("items.findAll { it.reasons.kind.contains('DEADLINE_EXTENSION_REQUESTED') && it.taskId == '" + taskId + "' }");
    }

    @Test
    void theOfficeDecidesAPendingRequestAndARefusalIsMailedToTheUnitWithItsReason() {
        UUID area = plan.registerArea(1, "作风建设方面-" + marker);
        UUID problem = plan.registerProblem(area, 2, "公务用车管理不规范-" + marker);
        await().atMost(WAIT).until(() -> ReadModelRows.hold(sql, "rm_problem", problem)
                && ReadModelRows.hold(sql, "rm_area", area));
        UUID taskId = UUID.randomUUID();
        String reason = "车辆处置需经国资部门审批-" + marker;
        ObjectNode task = plan.task(taskId, area, problem, 2, "IN_PROGRESS", "2025-03-31")
                .put("title", "规范公务用车管理-" + marker).put("responsibleUnit", UNIT);
        task.putObject("pendingDeadlineExtension").put("id", UUID.randomUUID().toString())
                .put("requestedDeadline", "2025-06-30").put("reason", reason).put("by", "notice-officer")
                .put("at", "2025-03-10T09:00:00+08:00");
        ContractEvents.sendTask("TaskDeadlineExtensionRequested", task, 3, Map.of("requestId",
                task.get("pendingDeadlineExtension").get("id").asText(), "requestedDeadline", "2025-06-30", "reason", reason));

        // 25 March, 00:30 in Shanghai (24 March in UTC): due by the task's deadline, six days on
        AdjustableClock.pinAt(Instant.parse("2025-03-24T16:30:00Z"));
        String coordinator = TestTokens.token("zhengban-" + marker, "coordinator");
        await().atMost(WAIT).untilAsserted(() -> assertEquals(1, extensionTodos(coordinator, taskId).size()));
        Map<String, Object> todo = extensionTodos(coordinator, taskId).get(0);
        assertEquals("延期申请待审批", todo.get("label"));
        assertEquals("2025-03-31", todo.get("dueDate"));
        assertEquals(6, todo.get("daysLeft"));
        assertEquals("（一）2.二是", todo.get("taskLabel"));
        assertEquals("申请延至2025年6月30日：" + reason, reasonOf(todo).get("note"));
        assertEquals("/console/tasks/" + taskId, todo.get("link"));
        // the unit asked; the supervisors verify, they set no deadline
        assertTrue(extensionTodos(TestTokens.tokenInUnit("officer-" + marker, UNIT, "officer"), taskId).isEmpty());
        assertTrue(extensionTodos(TestTokens.token("ducha-" + marker, "supervisor"), taskId).isEmpty());

        String refusal = "现有时限内可完成处置，请抓紧推进-" + marker;
        task.putNull("pendingDeadlineExtension");
        ContractEvents.sendTask("TaskDeadlineExtensionRefused", task, 4, Map.of("requestId", UUID.randomUUID().toString(),
                "requestedDeadline", "2025-06-30", "reason", refusal, "refusedBy", "notice-zhengban"));
        ContractEvents.sendTask("TaskDeadlineExtensionRefused", task, 4, Map.of("requestId", UUID.randomUUID().toString(),
                "requestedDeadline", "2025-06-30", "reason", refusal, "refusedBy", "notice-zhengban"));
        await().atMost(WAIT).untilAsserted(() -> assertTrue(extensionTodos(coordinator, taskId).isEmpty(), "decided"));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(1, Mailbox.notices(NoticesTest.OFFICER, marker).size()));
        Received mail = Mailbox.notices(NoticesTest.OFFICER, marker).get(0);
        assertEquals("【延期申请未获同意】任务（一）2.二是：规范公务用车管理-" + marker, mail.subject());
        assertTrue(mail.body().startsWith("以下整改任务的延期申请未获整改办同意，完成时限不变，请按原完成时限推进整改。\n"), mail.body());
        assertTrue(mail.body().contains("\n完成时限：2025年3月31日\n申请延至：2025年6月30日\n审批人：notice-zhengban\n不同意理由："
                + refusal + "\n"), mail.body());
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> {
            assertEquals(1, Mailbox.notices(NoticesTest.OFFICER, marker).size(), "once, though read twice");
            assertEquals(1, Mailbox.notices(NoticesTest.OFFICER2, marker).size(), "every officer of the unit");
            assertTrue(Mailbox.notices(NoticesTest.COORDINATOR, marker).isEmpty(), "the office refused it itself");
        });
    }
}
