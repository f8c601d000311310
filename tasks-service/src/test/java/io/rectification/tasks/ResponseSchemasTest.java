package io.rectification.tasks;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.OpenApiResponses;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The ledger's main answers keep the response schemas the OpenAPI document declares, strictly: ids,
 * versions, states, numbers and lists are promised present and not null, and real answers, of data
 * this test makes, are valid against those schemas (a required member missing or null fails).
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ResponseSchemasTest {

    @Test
    void theLedgersAnswersKeepTheirDeclaredSchemas() {
        OpenApiResponses.verifyRequiredMembersAreProperties();
        String inspectionId = Fixtures.inspection();
        String areaId = Fixtures.area(inspectionId, "推进管理机制改革不彻底,统筹推动发展不到位");
        String problemId = Fixtures.problem(areaId, "做好优化营商环境重点工作");
        String taskId = Fixtures.task(problemId, Fixtures.taskJson("清理拖欠企业账款", "2099-12-31", "LONG_TERM", """
                "milestones":[{"title":"建立台账","dueDate":"2099-06-30"}],
                "indicators":[{"name":"空编率","unit":"%","baseline":30,"targetKind":"RELATIVE_PERCENT",
                               "targetValue":10,"direction":"DECREASE"}]"""));
        given().contentType(ContentType.JSON).body(Map.of("cadence", "WEEKLY", "periodStart", "2024-10-07",
                        "periodEnd", "2024-10-13", "text", "已建立欠款台账,兑付程序推进中", "percentComplete", 60))
                .post("/tasks/" + taskId + "/progress-reports").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("type", "LEDGER", "title", "欠款台账", "date", "2024-10-08"))
                .post("/tasks/" + taskId + "/evidence").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("requestedDeadline", "2100-06-30", "reason", "受用地报批影响申请延期"))
                .post("/tasks/" + taskId + "/deadline-extension-requests").then().statusCode(201);

        OpenApiResponses.verifyGet("/inspections/" + inspectionId,
                "id", "version", "title", "team", "inspectedOrganisation", "kind", "onSiteFrom", "onSiteTo", "createdAt");
        OpenApiResponses.verifyGet("/inspections?size=5", "items", "page", "size", "total", "items[].id", "items[].version");
        OpenApiResponses.verifyGet("/areas/" + areaId, "id", "version", "inspectionId", "number", "title", "percentComplete");
        OpenApiResponses.verifyGet("/inspections/" + inspectionId + "/areas", "items[].id", "total");
        OpenApiResponses.verifyGet("/problems/" + problemId, "id", "version", "areaId", "number", "source", "percentComplete");
        OpenApiResponses.verifyGet("/areas/" + areaId + "/problems", "items[].id", "items[].source");
        OpenApiResponses.verifyGet("/tasks/" + taskId, "id", "version", "state", "kind", "deadline", "percentComplete",
                "indicators", "indicators[].id", "indicators[].met", "milestones", "milestones[].dueDate", "evidenceCount",
                "evidenceWithFileOrReference",
                "overdue", "allowedTransitions");
        OpenApiResponses.verifyGet("/tasks/" + taskId + "/deadline-extension-requests", "[].id", "[].status",
                "[].requestedDeadline", "[].reason", "[].requestedBy");
        OpenApiResponses.verifyGet("/tasks?inspectionId=" + inspectionId, "items[].id", "items[].state", "total");
        OpenApiResponses.verifyGet("/problems/" + problemId + "/tasks", "items[].id", "items[].version");
        OpenApiResponses.verifyGet("/tasks/" + taskId + "/progress-reports", "[].id", "[].percentComplete", "[].reportedAt");
        OpenApiResponses.verifyGet("/tasks/" + taskId + "/evidence", "[].id", "[].type", "[].date");
        OpenApiResponses.verifyGet("/problems/" + problemId + "/extensions", "problemId", "taskCount", "units");
        OpenApiResponses.verifyGet("/inspections/" + inspectionId + "/task-list", "[].taskId", "[].label", "[].state");
        OpenApiResponses.verifyGet("/inspections/" + inspectionId + "/problem-list", "[].problemId", "[].taskCount");
        OpenApiResponses.verifyGet("/inspections/" + inspectionId + "/responsibility-list", "byLeadOfficial[].tasks");
        OpenApiResponses.verifyGet("/tasks/" + taskId + "/audit", "[].id", "[].action", "[].hash");
        OpenApiResponses.verifyGet("/audit/Task/" + taskId, "[].seq", "[].entityType", "[].hash");
    }
}
