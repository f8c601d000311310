package io.rectification.reporting.support;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.contract.ReportDue;
import io.rectification.platform.contract.TaskStates;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.TestTokens;
import io.rectification.reporting.ContractEvents;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The unit's 待办 (PROGRESS_REPORT_DUE on the due day, PROGRESS_REPORT_MISSING from the day after) and the
 * dashboard (drill-down and ranking of the unit, counting missing ones only) name the same tasks, at
 * 23:59, 00:00 and 00:01 in Shanghai around a month end (2026-11-30/12-01) and a leap day (2028-02-28/29,
 * 03-01): both read {@link ReportDueRule}. And tasks-service's answer agrees: a task is named missing
 * exactly when platform {@code ReportDue.missedPeriods}, which its {@code ProgressReportSchedule} asks,
 * counts a missed period that day. The reports are placed so that the answers would differ if either view
 * compared instants, or days in UTC (a last report given at offset Z, as tasks-service reads it back),
 * instead of the organisation's day. Tasks not being worked on (planned, claimed, closed out) owe no
 * reports and are named by neither.
 */
@QuarkusTest
class ReportDueAgreementTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final ContractEvents plan = new ContractEvents();
    final String unit = "报送一致局" + UUID.randomUUID().toString().substring(0, 8);
    /** The tasks by name, as sent: what tasks-service's rule is asked about them. */
    final Map<String, Sent> tasks = new LinkedHashMap<>();

    record Sent(String id, String state, String cadence, String lastReport) {
    }

    @AfterEach
    void release() {
        AdjustableClock.release();
    }

    @Test
    void theToDoListTheDashboardAndTheTaskAgreeOnWhichReportsAreDueAndMissingEitherSideOfMidnight() {
        plan.registerInspection();
        UUID area = plan.registerArea(1, "落实全面从严治党不到位");
        UUID problem = plan.registerProblem(area, 1, "加强廉政风险防控");
        // due 2026-11-30
        task(area, problem, 1, "daily-1130", "IN_PROGRESS", "DAILY", "2026-11-29T10:00:00+08:00");
        // 00:30 on 30 November in Shanghai is still 29 November in UTC: due 1 December, not 30 November
        task(area, problem, 2, "daily-1201", "IN_PROGRESS", "DAILY", "2026-11-29T16:30:00Z");
        // due 1 December, given at 23:30: due all of that day all the same, missing from 2 December
        task(area, problem, 3, "weekly-1201", "IN_PROGRESS", "WEEKLY", "2026-11-24T23:30:00+08:00");
        task(area, problem, 4, "monthly-0228", "IN_PROGRESS", "MONTHLY", "2028-01-28T09:00:00+08:00");
        // a month from 31 January 2028 is the leap day
        task(area, problem, 5, "monthly-0229-end", "IN_PROGRESS", "MONTHLY", "2028-01-31T23:59:00+08:00");
        task(area, problem, 6, "monthly-0229", "IN_PROGRESS", "MONTHLY", "2028-01-29T08:00:00+08:00");
        task(area, problem, 7, "weekly-0301", "IN_PROGRESS", "WEEKLY", "2028-02-23T00:01:00+08:00");
        // 01:00 on 1 February in Shanghai, given at Z (31 January in UTC): due 1 March, not the leap day
        task(area, problem, 8, "monthly-0301-z", "IN_PROGRESS", "MONTHLY", "2028-01-31T17:00:00Z");
        task(area, problem, 9, "no-cadence", "IN_PROGRESS", null, "2026-01-01T10:00:00+08:00");
        // Only a task being worked on owes reports: long overdue ones in other states are never missing.
        task(area, problem, 10, "reopened", "REOPENED", "DAILY", "2026-11-01T10:00:00+08:00");
        task(area, problem, 11, "planned", "PLANNED", "DAILY", "2026-11-01T10:00:00+08:00");
        task(area, problem, 12, "claimed", "COMPLETION_CLAIMED", "DAILY", "2026-11-01T10:00:00+08:00");
        task(area, problem, 13, "verified", "VERIFIED", "DAILY", "2026-11-01T10:00:00+08:00");
        String officer = TestTokens.tokenInUnit("officer-" + unit, unit, "officer");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(officer)
                .queryParam("inspectionId", plan.inspectionId.toString()).queryParam("unit", unit)
                .when().get("/dashboard/director/tasks").then().statusCode(200).body("$", hasSize(13)));

        List<String> missing = new ArrayList<>(List.of("reopened"));
        expect("2026-11-30T23:59:00+08:00", officer, missing, "daily-1130");
        missing.add("daily-1130");
        expect("2026-12-01T00:00:00+08:00", officer, missing, "daily-1201", "weekly-1201");
        expect("2026-12-01T00:01:00+08:00", officer, missing, "daily-1201", "weekly-1201");
        expect("2026-12-01T23:59:00+08:00", officer, missing, "daily-1201", "weekly-1201");
        missing.addAll(List.of("daily-1201", "weekly-1201"));
        expect("2026-12-02T00:00:00+08:00", officer, missing);
        expect("2028-02-28T23:59:00+08:00", officer, missing, "monthly-0228");
        missing.add("monthly-0228");
        expect("2028-02-29T00:00:00+08:00", officer, missing, "monthly-0229-end", "monthly-0229");
        expect("2028-02-29T23:59:00+08:00", officer, missing, "monthly-0229-end", "monthly-0229");
        missing.addAll(List.of("monthly-0229-end", "monthly-0229"));
        expect("2028-03-01T00:01:00+08:00", officer, missing, "weekly-0301", "monthly-0301-z");
        missing.addAll(List.of("weekly-0301", "monthly-0301-z"));
        expect("2028-03-02T00:00:00+08:00", officer, missing);
    }

    /**
     * At {@code moment}, the 待办 names exactly the {@code due} tasks as 今日应报送 and the {@code missing} ones
     * as 未按期报送, the dashboard and the ranking the missing ones, and tasks-service's rule agrees.
     */
    private void expect(String moment, String officer, List<String> missing, String... due) {
        AdjustableClock.pinAt(OffsetDateTime.parse(moment).toInstant());
        LocalDate day = OffsetDateTime.parse(moment).atZoneSameInstant(SHANGHAI).toLocalDate();
        JsonPath todos = given().auth().oauth2(officer).when().get("/todos").then().statusCode(200).extract().jsonPath();
        JsonPath figures = given().auth().oauth2(officer).queryParam("inspectionId", plan.inspectionId.toString())
                .queryParam("unit", unit).when().get("/dashboard/director/tasks").then().statusCode(200).extract().jsonPath();
        JsonPath rankings = given().auth().oauth2(officer).queryParam("inspectionId", plan.inspectionId.toString())
                .when().get("/dashboard/director/rankings").then().statusCode(200).extract().jsonPath();
        int ranked = rankings.getInt("units.find { it.name == '" + unit + "' }.reportsMissing");

        List<String> expected = sorted(missing);
        assertEquals(expected, names(todos.getList("items.findAll { it.reasons.kind.contains('PROGRESS_REPORT_MISSING') }.taskId")),
                "待办 未按期报送 at " + moment);
        assertEquals(sorted(List.of(due)), names(todos.getList("items.findAll { it.reasons.kind.contains('PROGRESS_REPORT_DUE') }.taskId")),
                "待办 今日应报送 at " + moment);
        assertEquals(expected, names(figures.getList("findAll { it.reportMissing }.taskId")), "dashboard at " + moment);
        assertEquals(expected.size(), ranked, "the unit's ranking at " + moment);
        assertEquals(expected, sorted(tasks.entrySet().stream().filter(e -> missedByTasksService(e.getValue(), day))
                .map(Map.Entry::getKey).toList()), "tasks-service's rule at " + moment);
    }

    /** tasks-service's reading (ProgressReportSchedule): owing reports and a missed period that day. */
    private static boolean missedByTasksService(Sent task, LocalDate day) {
        return task.cadence() != null && TaskStates.owesReports(task.state())
                && ReportDue.missedPeriods(task.cadence(), OffsetDateTime.parse(task.lastReport()), SHANGHAI, day) > 0;
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }

    /** Task ids as the names above, so a failure reads as which task disagrees. */
    private List<String> names(List<String> ids) {
        return sorted(tasks.entrySet().stream().filter(e -> ids.contains(e.getValue().id())).map(Map.Entry::getKey).toList());
    }

    private void task(UUID area, UUID problem, int number, String name, String state, String cadence, String lastReport) {
        UUID id = UUID.randomUUID();
        var task = plan.task(id, area, problem, number, state, "2099-01-01")
                .put("responsibleUnit", unit).put("reportingCadence", cadence).put("lastProgressReportAt", lastReport);
        ContractEvents.sendTask("TaskUpdated", task, 1);
        tasks.put(name, new Sent(id.toString(), state, cadence, lastReport));
    }
}
