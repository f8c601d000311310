package io.rectification.reporting.api;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.OpenApiResponses;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The read models' and dashboards' main answers keep the response schemas the OpenAPI document
 * declares, strictly: ids, versions, counts and lists always sent are promised present and not null,
 * and real answers, of events this test sends, are valid against those schemas (a required member
 * missing or null fails).
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ResponseSchemasTest {

    @Test
    void readModelsAndDashboardsKeepTheirDeclaredSchemas() {
        OpenApiResponses.verifyRequiredMembersAreProperties();
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID area = plan.registerArea(1, "推进管理机制改革不彻底");
        UUID problem = plan.registerProblem(area, 1, "做好优化营商环境重点工作");
        UUID task = UUID.randomUUID();
        ContractEvents.sendTask("TaskCreated", plan.task(task, area, problem, 1, "IN_PROGRESS", "2024-12-31"), 1);
        ContractEvents.sendTask("TaskProgressReported", plan.task(task, area, problem, 1, "IN_PROGRESS", "2024-12-31"), 2,
                Map.of("report", Map.of("id", UUID.randomUUID().toString(), "cadence", "WEEKLY",
                        "periodStart", "2024-10-07", "periodEnd", "2024-10-13", "percentComplete", 40,
                        "text", "整改推进中", "reporter", "李处长", "reportedAt", "2024-10-14T09:00:00+08:00")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/read-models/tasks/" + task)
                .then().statusCode(200).body("progressReportCount", org.hamcrest.Matchers.equalTo(1)));
        String inspection = "?inspectionId=" + plan.inspectionId;

        OpenApiResponses.verifyGet("/read-models/tasks/" + task, "id", "version", "snapshot", "snapshot.id",
                "snapshot.state", "snapshot.indicators", "snapshot.milestones", "progressReportCount",
                "progressReports", "progressReports[].id");
        OpenApiResponses.verifyGet("/read-models/tasks/" + task + "/progress-reports", "items", "items[].id", "total");
        OpenApiResponses.verifyGet("/dashboard/summary" + inspection, "asOf", "tasks", "byState", "completionRate",
                "averagePercentComplete");
        OpenApiResponses.verifyGet("/dashboard/inspections", "[].id", "[].inProgress");
        OpenApiResponses.verifyGet("/dashboard/areas" + inspection, "[].tasks", "[].percentComplete");
        OpenApiResponses.verifyGet("/dashboard/units" + inspection, "[].tasks", "[].overdue");
        OpenApiResponses.verifyGet("/dashboard/overdue" + inspection, "items", "items[].taskId", "items[].daysOverdue",
                "total");
        OpenApiResponses.verifyGet("/dashboard/director/rankings" + inspection, "asOf", "units", "units[].rank");
        OpenApiResponses.verifyGet("/dashboard/director/task-page" + inspection, "items", "page", "size", "total");
        OpenApiResponses.verifyGet("/dashboard/director/burn-up" + inspection, "asOf", "tasks", "weeks",
                "weeks[].weekStart");
        OpenApiResponses.verifyGet("/reports/" + plan.inspectionId + "/checks", "publishable", "incomplete", "warnings");
        OpenApiResponses.verifyGet("/me/notice-preferences", "digest", "notices", "labels", "applicable");
        OpenApiResponses.verifyGet("/admin/consumers", "[].consumer", "[].running", "[].partitions");
    }
}
