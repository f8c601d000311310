package io.rectification.reporting.dashboard;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The director's figures from the read models, on a pinned clock (Wednesday 2024-04-10 in Shanghai).
 * The plan runs over a leap day and a month end that is a Sunday: weeks are counted Monday to Sunday
 * in Shanghai, so a close-out at 23:59 on Sunday 31 March belongs to the week of 25 March and one at
 * 00:01 on Monday 1 April (still Sunday in UTC) to the week of 1 April.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class DirectorFiguresTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @AfterEach
    void release() {
        AdjustableClock.release();
    }

    @Test
    void rankingsBurnUpFunnelAndDrillDown() {
        AdjustableClock.pinAt(Instant.parse("2024-04-10T02:00:00Z"));
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID area = plan.registerArea(1, "贯彻落实党中央决策部署不到位");
        UUID problem = plan.registerProblem(area, 1, "深入贯彻落实党的二十大精神");
        UUID sundayLate = task(plan, area, problem, 1, "VERIFIED", "2024-03-31", "经济发展局", "张副主任")
                .closedAt("2024-03-31T23:59:00+08:00").send();
        UUID mondayEarly = task(plan, area, problem, 2, "VERIFIED", "2024-03-31", "经济发展局", "张副主任")
                .closedAt("2024-04-01T00:01:00+08:00").send();
        task(plan, area, problem, 3, "VERIFIED", "2024-02-29", "党政办公室", "王书记")
                .closedAt("2024-02-29T07:30:00+08:00").send();
        UUID reopened = task(plan, area, problem, 4, "REOPENED", "2024-03-01", "党政办公室", "王书记")
                .reportedAt("2024-02-01T10:00:00+08:00").reopened(1).send();
        task(plan, area, problem, 5, "IN_PROGRESS", "2024-06-30", "经济发展局", "张副主任")
                .reportedAt("2024-04-05T10:00:00+08:00").send();
        task(plan, area, problem, 6, "IN_PROGRESS", null, "党政办公室", null).longTerm().send();
        UUID publication = plan.publish("2024-03-01T00:00:00+08:00", "2024-04-30T23:59:59+08:00");
        ContractEvents.sendFeedback("FeedbackAnswered", plan.feedback(UUID.randomUUID(), publication, "PHONE",
                "ANSWERED", "2024-03-01T10:00:00+08:00").put("answeredAt", "2024-03-05T10:00:00+08:00"), 3, Map.of());
        ContractEvents.sendFeedback("FeedbackAnswered", plan.feedback(UUID.randomUUID(), publication, "WEB",
                "ANSWERED", "2024-03-01T10:00:00+08:00").put("answeredAt", "2024-03-20T10:00:00+08:00"), 3, Map.of());
        ContractEvents.sendFeedback("FeedbackReceived", plan.feedback(UUID.randomUUID(), publication, "WEB",
                "RECEIVED", "2024-03-01T10:00:00+08:00"), 1, Map.of());
        ContractEvents.sendFeedback("FeedbackEscalated", plan.feedback(UUID.randomUUID(), publication, "POST",
                        "ESCALATED", "2024-04-05T11:00:00+08:00"), 2,
                Map.of("escalation", Map.of("inspectionId", plan.inspectionId.toString(), "title", "回迁安置进度滞后",
                        "description", "群众反映回迁安置房交付延迟")));
        String inspection = plan.inspectionId.toString();
        await().atMost(WAIT).untilAsserted(() -> {
            get("burn-up", inspection).then().statusCode(200).body("tasks", equalTo(6));
            get("feedback-funnel", inspection).then().statusCode(200).body("received", equalTo(4));
        });

        // no asOf: today by the pinned clock, in Shanghai
        JsonPath burnUp = get("burn-up", inspection).then().extract().jsonPath();
        assertEquals("2024-04-10", burnUp.getString("asOf"));
        assertEquals(1, burnUp.getInt("withoutDeadline"));
        List<Map<String, Object>> weeks = burnUp.getList("weeks");
        assertEquals("2024-02-26", weeks.get(0).get("weekStart"));
        // the leap day's week runs to Sunday 3 March: its deadline (29 Feb) and 1 March's fall in it
        assertEquals(Map.of("weekStart", "2024-02-26", "weekEnd", "2024-03-03", "closedOut", 1, "closedOutToDate", 1,
                "due", 2, "dueToDate", 2), weeks.get(0));
        assertEquals(Map.of("weekStart", "2024-03-25", "weekEnd", "2024-03-31", "closedOut", 1, "closedOutToDate", 2,
                "due", 2, "dueToDate", 4), week(weeks, "2024-03-25"));
        assertEquals(Map.of("weekStart", "2024-04-01", "weekEnd", "2024-04-07", "closedOut", 1, "closedOutToDate", 3,
                "due", 0, "dueToDate", 4), week(weeks, "2024-04-01"));
        assertEquals(3, week(weeks, "2024-04-08").get("closedOutToDate"));
        assertNull(week(weeks, "2024-04-15").get("closedOutToDate"), "weeks after today have no close-outs yet");
        assertEquals(Map.of("weekStart", "2024-06-24", "weekEnd", "2024-06-30", "closedOut", 0,
                "due", 1, "dueToDate", 5), withoutNulls(weeks.get(weeks.size() - 1)));
        assertEquals(18, weeks.size(), "every week from 26 February to 24 June, none skipped");

        JsonPath rankings = get("rankings", inspection).then().extract().jsonPath();
        assertEquals(List.of("党政办公室", "经济发展局"), rankings.getList("units.name"));
        Map<String, Object> first = rankings.getMap("units[0]");
        assertEquals(1, first.get("rank"));
        assertEquals(3, first.get("tasks"));
        assertEquals(1, first.get("closedOut"));
        assertEquals(1, first.get("overdue"));
        assertEquals(1, first.get("reportsMissing"), "the reopened task's last report is more than a month old");
        assertEquals(1, first.get("regressions"));
        assertEquals(0.3333f, ((Number) first.get("closeOutRate")).floatValue());
        Map<String, Object> second = rankings.getMap("units[1]");
        assertEquals(List.of(2, 3, 2, 0, 0, 0), List.of(second.get("rank"), second.get("tasks"), second.get("closedOut"),
                second.get("overdue"), second.get("reportsMissing"), second.get("regressions")));
        // lead officials: the overdue one first, then the lower close-out rate (the task without one)
        assertEquals(List.of("王书记", "", "张副主任"), rankings.getList("officials.name"));
        assertEquals(List.of(1, 2, 3), rankings.getList("officials.rank"));

        // the drill-down: the tasks behind a unit's figures, most overdue first; 1 March to 10 April is 40 days
        JsonPath unitTasks = given().queryParam("inspectionId", inspection).queryParam("unit", "党政办公室")
                .when().get("/dashboard/director/tasks").then().statusCode(200).extract().jsonPath();
        assertEquals(3, unitTasks.getList("").size());
        assertEquals(reopened.toString(), unitTasks.getString("[0].taskId"));
        assertEquals(40, unitTasks.getInt("[0].daysOverdue"));
        assertEquals(true, unitTasks.getBoolean("[0].reportMissing"));
        assertEquals(1, unitTasks.getInt("[0].reopenCount"));
        // … a page at a time, saying how many there are in all (a unit of 398 tasks was cut at 200 unsaid)
        JsonPath firstPage = given().queryParam("inspectionId", inspection).queryParam("unit", "党政办公室")
                .queryParam("size", 2).when().get("/dashboard/director/task-page").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(0, 2, 3), List.of(firstPage.getInt("page"), firstPage.getInt("size"), firstPage.getInt("total")));
        JsonPath secondPage = given().queryParam("inspectionId", inspection).queryParam("unit", "党政办公室")
                .queryParam("size", 2).queryParam("page", 1).when().get("/dashboard/director/task-page").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(3, secondPage.getInt("total"));
        List<String> paged = new java.util.ArrayList<>(firstPage.getList("items.taskId"));
        paged.addAll(secondPage.getList("items.taskId"));
        assertEquals(unitTasks.getList("taskId"), paged, "the pages are the list's, in its order, none twice");
        given().queryParam("inspectionId", inspection).queryParam("size", 501).when().get("/dashboard/director/task-page")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().queryParam("week", "2024-04-02").when().get("/dashboard/director/task-page")
                .then().statusCode(400).body("errors[0].field", equalTo("week"));
        // … behind a week of the burn-up: closed out or due in it
        assertEquals(List.of(mondayEarly.toString()), given().queryParam("inspectionId", inspection)
                .queryParam("week", "2024-04-01").when().get("/dashboard/director/tasks")
                .then().statusCode(200).extract().jsonPath().getList("taskId"));
        assertEquals(2, given().queryParam("inspectionId", inspection).queryParam("week", "2024-03-25")
                .when().get("/dashboard/director/tasks").then().statusCode(200)
                .body("taskId", hasItem(sundayLate.toString())).extract().jsonPath().getList("").size());

        // a dashboard narrowed to deadlines from 1 March to 30 June: the drill-down lists the tasks its figure counts
        JsonPath narrowed = given().queryParam("inspectionId", inspection).queryParam("from", "2024-03-01")
                .queryParam("to", "2024-06-30").when().get("/dashboard/director/rankings").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, narrowed.getInt("units.find { it.name == '党政办公室' }.tasks"), "29 February and no deadline are out");
        assertEquals(List.of(reopened.toString()), given().queryParam("inspectionId", inspection)
                .queryParam("unit", "党政办公室").queryParam("from", "2024-03-01").queryParam("to", "2024-06-30")
                .when().get("/dashboard/director/tasks").then().statusCode(200).extract().jsonPath().getList("taskId"));
        given().queryParam("from", "2024-06-30").queryParam("to", "2024-03-01").when().get("/dashboard/director/tasks")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("to"));

        // received → answered (in time, late) → escalated; the unanswered one from 1 March is overdue by the clock
        assertEquals(Map.of("received", 4, "answered", 2, "answeredInTime", 1, "answeredLate", 1,
                "unansweredOverdue", 1, "escalated", 1, "mergedAndAnswered", 0, "closedWithoutAnswer", 0, "awaitingAnswer", 2),
                get("feedback-funnel", inspection).then().extract()
                .jsonPath().getMap(""));
        // narrowed as the page's trend is, by the day received in Shanghai: from 5 April only the escalated one
        assertEquals(Map.of("received", 1, "answered", 0, "answeredInTime", 0, "answeredLate", 0,
                "unansweredOverdue", 0, "escalated", 1, "mergedAndAnswered", 0, "closedWithoutAnswer", 0, "awaitingAnswer", 1),
                given().queryParam("inspectionId", inspection)
                .queryParam("from", "2024-04-05").when().get("/dashboard/director/feedback-funnel").then().statusCode(200)
                .extract().jsonPath().getMap(""));
        assertEquals(3, given().queryParam("inspectionId", inspection).queryParam("from", "2024-03-01")
                .queryParam("to", "2024-03-01").when().get("/dashboard/director/feedback-funnel").then().statusCode(200)
                .extract().jsonPath().getInt("received"));
        given().queryParam("from", "2024-04-05").queryParam("to", "2024-04-04").when()
                .get("/dashboard/director/feedback-funnel").then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void aPollGets304UntilTheFiguresChange() {
        ContractEvents plan = new ContractEvents();
        UUID area = plan.registerArea(1, "贯彻落实党中央决策部署不到位");
        UUID problem = plan.registerProblem(area, 1, "深入贯彻落实党的二十大精神");
        task(plan, area, problem, 1, "IN_PROGRESS", "2024-03-31", "经济发展局", "张副主任").send();
        String inspection = plan.inspectionId.toString();
        await().atMost(WAIT).untilAsserted(() ->
                get("rankings", inspection).then().statusCode(200).body("units[0].tasks", equalTo(1)));
        // the dashboard's own caching word stands: revalidate each time (not the signed-in default, no-store)
        String tag = get("rankings", inspection).then().header("Cache-Control", "private, no-cache").extract().header("ETag");
        given().queryParam("inspectionId", inspection).header("If-None-Match", tag)
                .when().get("/dashboard/director/rankings").then().statusCode(304);
        String summaryTag = given().queryParam("inspectionId", inspection).when().get("/dashboard/summary")
                .then().statusCode(200).extract().header("ETag");
        given().queryParam("inspectionId", inspection).header("If-None-Match", summaryTag)
                .when().get("/dashboard/summary").then().statusCode(304);

        task(plan, area, problem, 2, "IN_PROGRESS", "2024-03-31", "经济发展局", "张副主任").send();
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", inspection)
                .header("If-None-Match", tag).when().get("/dashboard/director/rankings")
                .then().statusCode(200).body("units[0].tasks", equalTo(2)));
        assertNotEquals(tag, get("rankings", inspection).then().extract().header("ETag"));
    }

    @Test
    void aWeekThatIsNotAMondayIsRefusedNamingTheField() {
        given().queryParam("week", "2024-04-02").when().get("/dashboard/director/tasks")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("week"));
        given().queryParam("asOf", "2024-02-30").when().get("/dashboard/director/burn-up")
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    /**
     * The two lists of a figure's tasks take one set of parameters (FigureTasksQuery, a bean of both), and
     * document each as before: the figure's own, then the part clicked with what it means, then their own
     * (limit; page and size). Bad values are refused naming them (above, and DashboardSourceScopeTest).
     */
    @Test
    void theTaskListsDocumentTheirParametersAsOne() {
        JsonPath api = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, String> described = Map.of(
                "unit", "responsible unit; empty for tasks without one",
                "official", "lead official; empty for tasks without one",
                "week", "the Monday a week starts on (YYYY-MM-DD)",
                "page", "The page, counted from 0");
        for (String path : List.of("tasks", "task-page")) {
            String parameters = "paths.'/dashboard/director/" + path + "'.get.parameters";
            List<String> own = path.equals("tasks") ? List.of("limit") : List.of("page", "size");
            List<String> expected = new java.util.ArrayList<>(List.of("asOf", "from", "inspectionId", "official", "source", "to",
                    "unit", "week"));
            expected.addAll(own);
            assertEquals(expected.stream().sorted().toList(), api.getList(parameters + ".name", String.class).stream().sorted().toList(),
                    path);
            assertEquals(List.of("query"), api.getList(parameters + ".in", String.class).stream().distinct().toList(), path);
            described.forEach((name, description) -> {
                if (!name.equals("page") || path.equals("task-page")) {
                    assertEquals(description, api.getString(parameters + ".find { it.name == '" + name + "' }.description"), path);
                }
            });
            assertEquals(DashboardResource.SOURCE, api.getString(parameters + ".find { it.name == 'source' }.description"), path);
            assertEquals("#/components/schemas/SourceScope", api.getString(parameters + ".find { it.name == 'source' }.schema.'$ref'"));
            assertNull(api.get(parameters + ".find { it.name == 'inspectionId' }.description"), path);
        }
        assertEquals(Map.of("type", "integer", "format", "int32", "default", 200, "maximum", 1000, "minimum", 1),
                api.getMap("paths.'/dashboard/director/tasks'.get.parameters.find { it.name == 'limit' }.schema"));
    }

    private static io.restassured.response.Response get(String figure, String inspection) {
        return given().queryParam("inspectionId", inspection).when().get("/dashboard/director/" + figure);
    }

    private static Map<String, Object> week(List<Map<String, Object>> weeks, String start) {
        return weeks.stream().filter(w -> start.equals(w.get("weekStart"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> week) {
        Map<String, Object> copy = new java.util.HashMap<>(week);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }

    private static TaskBuilder task(ContractEvents plan, UUID area, UUID problem, int number, String state,
                                    String deadline, String unit, String official) {
        var task = plan.task(UUID.randomUUID(), area, problem, number, state, deadline == null ? "2099-01-01" : deadline)
                .put("responsibleUnit", unit).put("leadOfficial", official);
        if (deadline == null) {
            task.putNull("deadline");
        }
        return new TaskBuilder(task);
    }

    private record TaskBuilder(com.fasterxml.jackson.databind.node.ObjectNode task) {
        TaskBuilder closedAt(String at) {
            task.put("verifiedAt", at);
            return this;
        }

        TaskBuilder reportedAt(String at) {
            task.put("lastProgressReportAt", at);
            return this;
        }

        TaskBuilder reopened(int times) {
            task.put("reopenCount", times);
            return this;
        }

        TaskBuilder longTerm() {
            task.put("kind", "LONG_TERM");
            task.putNull("reportingCadence");
            return this;
        }

        UUID send() {
            ContractEvents.sendTask("TaskCreated", task, 1);
            return UUID.fromString(task.get("id").asText());
        }
    }
}
