package io.rectification.reporting.support;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.TestTokens;
import io.rectification.reporting.ContractEvents;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The unit's 待办 (PROGRESS_REPORT_MISSING) and the dashboard (drill-down and ranking of the unit)
 * name the same tasks as missing a progress report, at 23:59 and 00:01 in Shanghai around a month end
 * (2026-11-30/12-01) and a leap day (2028-02-28/29, 03-01): both read {@link ReportDueRule}. The
 * reports are placed so that the answers would differ if either view compared instants, or days in
 * UTC, instead of the organisation's day. Tasks not being worked on (planned, claimed, closed out)
 * owe no reports and are named by neither.
 */
@QuarkusTest
class ReportDueAgreementTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    final ContractEvents plan = new ContractEvents();
    final String unit = "报送一致局" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void release() {
        AdjustableClock.release();
    }

    @Test
    void theToDoListAndTheDashboardAgreeOnWhichReportsAreMissingEitherSideOfMidnight() {
        plan.registerInspection();
        UUID area = plan.registerArea(1, "落实全面从严治党不到位");
        UUID problem = plan.registerProblem(area, 1, "加强廉政风险防控");
        Map<String, String> tasks = new LinkedHashMap<>();
        // due 2026-11-30
        tasks.put("daily-1130", task(area, problem, 1, "DAILY", "2026-11-29T10:00:00+08:00"));
        // 00:30 on 30 November in Shanghai is still 29 November in UTC: due 1 December, not 30 November
        tasks.put("daily-1201", task(area, problem, 2, "DAILY", "2026-11-29T16:30:00Z"));
        // due 1 December, at 23:30 as an instant: missing from 00:00 that day all the same
        tasks.put("weekly-1201", task(area, problem, 3, "WEEKLY", "2026-11-24T23:30:00+08:00"));
        tasks.put("monthly-0228", task(area, problem, 4, "MONTHLY", "2028-01-28T09:00:00+08:00"));
        // a month from 31 January 2028 is the leap day
        tasks.put("monthly-0229-end", task(area, problem, 5, "MONTHLY", "2028-01-31T23:59:00+08:00"));
        tasks.put("monthly-0229", task(area, problem, 6, "MONTHLY", "2028-01-29T08:00:00+08:00"));
        tasks.put("weekly-0301", task(area, problem, 7, "WEEKLY", "2028-02-23T00:01:00+08:00"));
        tasks.put("no-cadence", task(area, problem, 8, null, "2026-01-01T10:00:00+08:00"));
        // Only a task being worked on owes reports: long overdue ones in other states are never missing.
        tasks.put("reopened", task(area, problem, 9, "REOPENED", "DAILY", "2026-11-01T10:00:00+08:00"));
        tasks.put("planned", task(area, problem, 10, "PLANNED", "DAILY", "2026-11-01T10:00:00+08:00"));
        tasks.put("claimed", task(area, problem, 11, "COMPLETION_CLAIMED", "DAILY", "2026-11-01T10:00:00+08:00"));
        tasks.put("verified", task(area, problem, 12, "VERIFIED", "DAILY", "2026-11-01T10:00:00+08:00"));
        String officer = TestTokens.tokenInUnit("officer-" + unit, unit, "officer");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(officer)
                .queryParam("inspectionId", plan.inspectionId.toString()).queryParam("unit", unit)
                .when().get("/dashboard/director/tasks").then().statusCode(200).body("$", hasSize(12)));

        expect(tasks, "2026-11-30T23:59:00+08:00", officer, "daily-1130", "reopened");
        expect(tasks, "2026-12-01T00:01:00+08:00", officer, "daily-1130", "reopened", "daily-1201", "weekly-1201");
        expect(tasks, "2028-02-28T23:59:00+08:00", officer, "daily-1130", "reopened", "daily-1201", "weekly-1201", "monthly-0228");
        expect(tasks, "2028-02-29T00:01:00+08:00", officer, "daily-1130", "reopened", "daily-1201", "weekly-1201", "monthly-0228",
                "monthly-0229-end", "monthly-0229");
        expect(tasks, "2028-02-29T23:59:00+08:00", officer, "daily-1130", "reopened", "daily-1201", "weekly-1201", "monthly-0228",
                "monthly-0229-end", "monthly-0229");
        expect(tasks, "2028-03-01T00:01:00+08:00", officer, "daily-1130", "reopened", "daily-1201", "weekly-1201", "monthly-0228",
                "monthly-0229-end", "monthly-0229", "weekly-0301");
    }

    /** At {@code moment}, both views name exactly the {@code missing} tasks. */
    private void expect(Map<String, String> tasks, String moment, String officer, String... missing) {
        AdjustableClock.pinAt(OffsetDateTime.parse(moment).toInstant());
        Set<String> expected = new TreeSet<>();
        for (String name : missing) {
            expected.add(tasks.get(name));
        }
        JsonPath todos = given().auth().oauth2(officer).when().get("/todos").then().statusCode(200).extract().jsonPath();
        Set<String> inToDos = new TreeSet<>(todos.<String>getList("items.findAll { it.reasons.kind.contains('PROGRESS_REPORT_MISSING') }.taskId"));
        JsonPath figures = given().auth().oauth2(officer).queryParam("inspectionId", plan.inspectionId.toString())
                .queryParam("unit", unit).when().get("/dashboard/director/tasks").then().statusCode(200).extract().jsonPath();
        Set<String> onDashboard = new TreeSet<>(figures.<String>getList("findAll { it.reportMissing }.taskId"));
        JsonPath rankings = given().auth().oauth2(officer).queryParam("inspectionId", plan.inspectionId.toString())
                .when().get("/dashboard/director/rankings").then().statusCode(200).extract().jsonPath();
        int ranked = rankings.getInt("units.find { it.name == '" + unit + "' }.reportsMissing");

        assertEquals(names(tasks, expected), names(tasks, inToDos), "待办 at " + moment);
        assertEquals(names(tasks, expected), names(tasks, onDashboard), "dashboard at " + moment);
        assertEquals(expected.size(), ranked, "the unit's ranking at " + moment);
    }

    /** Task ids as the names above, so a failure reads as which task disagrees. */
    private static List<String> names(Map<String, String> tasks, Set<String> ids) {
        return tasks.entrySet().stream().filter(e -> ids.contains(e.getValue())).map(Map.Entry::getKey).toList();
    }

    private String task(UUID area, UUID problem, int number, String cadence, String lastReport) {
        return task(area, problem, number, "IN_PROGRESS", cadence, lastReport);
    }

    private String task(UUID area, UUID problem, int number, String state, String cadence, String lastReport) {
        UUID id = UUID.randomUUID();
        var task = plan.task(id, area, problem, number, state, "2099-01-01")
                .put("responsibleUnit", unit).put("reportingCadence", cadence).put("lastProgressReportAt", lastReport);
        ContractEvents.sendTask("TaskUpdated", task, 1);
        return id.toString();
    }
}
