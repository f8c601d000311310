package io.rectification.tasks.task;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class TaskResourceTest {

    @Test
    void createdTaskIsNumberedStoredAndPublished() {
        String problemId = Fixtures.freshProblem();
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            String first = Fixtures.task(problemId, Fixtures.taskJson("强化思想认识,落实工作任务", "2024-12-31", "IMMEDIATE", ""));
            String second = given().contentType(ContentType.JSON)
                    .body(Fixtures.taskJson("全力解决政府失信问题", "2025-06-30", "TIME_BOUND", "\"reportingCadence\":\"WEEKLY\""))
                    .when().post("/problems/" + problemId + "/tasks")
                    .then().statusCode(201)
                    .header("Location", containsString("/tasks/"))
                    .header("ETag", equalTo("\"0\""))
                    .body("number", equalTo(2))
                    .body("state", equalTo("PLANNED"))
                    .body("reportingCadence", equalTo("WEEKLY"))
                    .body("allowedTransitions", contains("START"))
                    .extract().path("id");
            given().get("/tasks/" + first).then().statusCode(200).body("number", equalTo(1))
                    .body("leadOfficial", equalTo("王副主任"));
            EventEnvelope created = probe.await(e -> second.equals(e.subject()), Duration.ofSeconds(30));
            assertEquals("TaskCreated", created.type());
            assertEquals(problemId, created.data().get("task").get("problemId").asText());
        }
    }

    /**
     * A task's own number is unique only within its problem, so the view carries its area's and its
     * problem's numbers too, for a screen to name it as the plan and the notices do ((二)2.一是).
     */
    @Test
    void aTaskViewCarriesItsAreasAndProblemsNumbers() {
        String inspectionId = Fixtures.inspection();
        Fixtures.area(inspectionId, "第一个方面");
        String areaId = Fixtures.area(inspectionId, "第二个方面");
        Fixtures.problem(areaId, "第一个问题");
        String problemId = Fixtures.problem(areaId, "第二个问题");
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            String taskId = given().contentType(ContentType.JSON)
                    .body(Fixtures.taskJson("健全制度", "2099-12-31", "TIME_BOUND", ""))
                    .when().post("/problems/" + problemId + "/tasks")
                    .then().statusCode(201)
                    .body("areaNumber", equalTo(2)).body("problemNumber", equalTo(2)).body("number", equalTo(1))
                    .extract().path("id");
            given().get("/tasks/" + taskId).then().statusCode(200)
                    .body("areaNumber", equalTo(2)).body("problemNumber", equalTo(2));
            given().queryParam("inspectionId", inspectionId).get("/tasks").then().statusCode(200)
                    .body("items.areaNumber", contains(2)).body("items.problemNumber", contains(2));
            // the event's snapshot is the catalogue's: its consumers number areas and problems from their own events
            EventEnvelope created = probe.await(e -> taskId.equals(e.subject()), Duration.ofSeconds(30));
            assertEquals(false, created.data().get("task").has("areaNumber"));
        }
    }

    @Test
    void deadlineBeforeTheInspectionIsRefusedNamingTheField() {
        String problemId = Fixtures.freshProblem();
        given().contentType(ContentType.JSON).body(Fixtures.taskJson("强化履约监管", "2024-04-06", "TIME_BOUND", ""))
                .post("/problems/" + problemId + "/tasks").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("deadline"))
                .body("errors[0].message", containsString("2024-04-07"));
        given().contentType(ContentType.JSON).body(Fixtures.taskJson("强化履约监管", "2025-04-06", "LONG_TERM",
                        "\"milestones\":[{\"title\":\"阶段一\",\"dueDate\":\"2023-01-01\"}]"))
                .post("/problems/" + problemId + "/tasks").then().statusCode(400)
                .body("errors.field", hasItem("milestones[0].dueDate"));
    }

    @Test
    void badInputsAreProblemsNamingTheField() {
        String problemId = Fixtures.freshProblem();
        String url = "/problems/" + problemId + "/tasks";
        given().contentType(ContentType.JSON).body("{\"title\":\"只有标题\"}").post(url).then().statusCode(400)
                .body("errors.field", hasItem("measures")).body("errors.field", hasItem("deadline"))
                .body("errors.field", hasItem("kind"));
        given().contentType(ContentType.JSON).body(Fixtures.taskJson("x".repeat(501), "2024-12-31", "IMMEDIATE", ""))
                .post(url).then().statusCode(400).body("errors.field", hasItem("title"));
        given().contentType(ContentType.JSON).body(Fixtures.taskJson("强化", "2024-12-31", "SOMEDAY", ""))
                .post(url).then().statusCode(400).body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("IMMEDIATE, TIME_BOUND, LONG_TERM"));
        given().contentType(ContentType.JSON).body(Fixtures.taskJson("强化", "2024-12-31", "IMMEDIATE",
                        "\"requireIndicatorsMet\":\"maybe\"")).post(url).then().statusCode(400)
                .body("errors[0].field", equalTo("requireIndicatorsMet"));
        given().contentType(ContentType.JSON).body(Fixtures.taskJson("强化", "2024-12-31", "LONG_TERM", ""))
                .post(url).then().statusCode(400).body("errors[0].field", equalTo("milestones"));
        given().contentType(ContentType.JSON).body(Fixtures.taskJson("强化", "2024-12-31", "IMMEDIATE", """
                        "indicators":[{"name":"编外人员","unit":"人","targetKind":"RELATIVE_PERCENT","targetValue":10,"direction":"DECREASE"}]"""))
                .post(url).then().statusCode(400).body("errors[0].field", equalTo("indicators[0].unit"));
        given().contentType(ContentType.JSON).body(Fixtures.taskJson("强化", "2024-12-31", "IMMEDIATE", ""))
                .post("/problems/7d1f9a52-0000-4000-8000-000000000000/tasks").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void updatesNeedTheCurrentVersion() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("强化服务意识", "2024-12-31", "IMMEDIATE", ""));
        String patch = "{\"responsibleUnit\":\"营商环境建设局\"}";
        given().contentType(ContentType.JSON).body(patch).patch("/tasks/" + taskId).then().statusCode(428)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(patch).patch("/tasks/" + taskId)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(patch).patch("/tasks/" + taskId)
                    .then().statusCode(200).header("ETag", equalTo("\"1\""))
                    .body("responsibleUnit", equalTo("营商环境建设局")).body("title", equalTo("强化服务意识"));
            EventEnvelope updated = probe.await(e -> taskId.equals(e.subject())
                    && e.type().equals("TaskUpdated"), Duration.ofSeconds(30));
            assertEquals(1L, updated.aggregateversion());
        }
        // the same If-Match again is now stale: no silent overwrite
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(patch).patch("/tasks/" + taskId)
                .then().statusCode(412).contentType("application/problem+json").body("currentVersion", equalTo(1));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Fixtures.taskJson("强化服务意识", "2024-01-01", "IMMEDIATE", "")).put("/tasks/" + taskId)
                .then().statusCode(400).body("errors[0].field", equalTo("deadline"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Fixtures.taskJson("强化服务意识,提升服务质效", "2025-03-31", "TIME_BOUND",
                        "\"deadlineChangeReason\":\"整改范围扩大，延期\"")).put("/tasks/" + taskId)
                .then().statusCode(200).body("version", equalTo(2)).body("kind", equalTo("TIME_BOUND"));
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"title\":\"  \"}")
                .patch("/tasks/" + taskId).then().statusCode(400).body("errors[0].field", equalTo("title"));
        // blank is every kind of space, full-width, no-break and zero-width ones too (platform BlankText)
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"responsibleUnit\":\"\\u3000\\u00a0\\u200b\"}")
                .patch("/tasks/" + taskId).then().statusCode(400).body("errors[0].field", equalTo("responsibleUnit"));
    }

    /**
     * If-Match names a version as the ETag header gave it: the weak form the gateway's gzip passes on
     * names the same one (a stale one is 412 with currentVersion). Anything else is a 400 naming the
     * header, never a guess: unquoted, a leading zero, a list, a version the task never had (integrity
     * review L4: {@code "99"} was a 412 "changed since version 99").
     */
    @Test
    void ifMatchTakesATagOfAVersionIssued() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("强化服务意识", "2024-12-31", "IMMEDIATE", ""));
        String patch = "{\"responsibleUnit\":\"营商环境建设局\"}";
        for (String never : new String[]{"\"-1\"", "-1", "garbage", "0", "\"00\"", "W/\"5\"", "\"99\"", "\"0\", \"1\""}) {
            given().contentType(ContentType.JSON).header("If-Match", never).body(patch).patch("/tasks/" + taskId)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("If-Match"));
        }
        // a weak tag of a task that does not exist: 404 first, as for any other If-Match
        given().contentType(ContentType.JSON).header("If-Match", "W/\"0\"").body(patch)
                .patch("/tasks/00000000-0000-4000-8000-000000000000").then().statusCode(404);
        given().get("/tasks/" + taskId).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("state", equalTo("PLANNED"));
        given().contentType(ContentType.JSON).header("If-Match", "W/\"0\"").body(patch).patch("/tasks/" + taskId)
                .then().statusCode(200).body("responsibleUnit", equalTo("营商环境建设局"));
        given().contentType(ContentType.JSON).header("If-Match", "W/\"0\"").body(patch).patch("/tasks/" + taskId)
                .then().statusCode(412).contentType("application/problem+json").body("currentVersion", equalTo(1));
    }

    /**
     * A client that has the task names its ETag in If-None-Match and gets 304 without a body while it
     * is still that version (its weak form too), the task once it has moved on; as reporting-service
     * answers its read model (integrity review L4: this read ignored it). An unknown task is still 404.
     */
    @Test
    void aReadNamingTheCurrentVersionIsNotModified() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("优化审批流程", "2024-12-31", "IMMEDIATE", ""));
        for (String same : new String[]{"\"0\"", "W/\"0\""}) {
            given().header("If-None-Match", same).get("/tasks/" + taskId).then().statusCode(304)
                    .header("ETag", equalTo("\"0\"")).body(equalTo(""));
        }
        given().header("If-None-Match", "\"7\"").get("/tasks/" + taskId).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("title", equalTo("优化审批流程"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"title\":\"优化审批服务流程\"}")
                .patch("/tasks/" + taskId).then().statusCode(200);
        given().header("If-None-Match", "\"0\"").get("/tasks/" + taskId).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("title", equalTo("优化审批服务流程"));
        given().header("If-None-Match", "\"1\"").get("/tasks/00000000-0000-4000-8000-000000000000").then().statusCode(404);
    }

    /**
     * A body with a value of the wrong JSON type says what is expected (the enum's names, a whole
     * number), and no body at all is refused as the body (field body), not as a Java parameter name.
     */
    @Test
    void aWrongTypeSaysWhatIsExpectedAndAMissingBodyIsNamedAsTheBody() {
        String problemId = Fixtures.freshProblem();
        String url = "/problems/" + problemId + "/tasks";
        for (String notAName : new String[]{"true", "1e308", "[1]", "{}"}) {
            given().contentType(ContentType.JSON).body(Fixtures.taskJson("强化", "2024-12-31", "IMMEDIATE", "")
                            .replace("\"kind\":\"IMMEDIATE\"", "\"kind\":" + notAName))
                    .post(url).then().statusCode(400).body("errors[0].field", equalTo("kind"))
                    .body("errors[0].message", equalTo("expected one of IMMEDIATE, TIME_BOUND, LONG_TERM"));
        }
        String taskId = Fixtures.task(problemId, Fixtures.taskJson("强化服务意识", "2024-12-31", "IMMEDIATE", ""));
        given().contentType(ContentType.JSON).body("{\"percentComplete\":\"" + "1".repeat(30_000) + "\"}")
                .post("/tasks/" + taskId + "/progress-reports").then().statusCode(400).body("errors[0].field", equalTo("percentComplete"))
                .body("errors[0].message", equalTo("is too long to be a number"));
        given().contentType(ContentType.JSON).body("{\"percentComplete\":{}}")
                .post("/tasks/" + taskId + "/progress-reports").then().statusCode(400).body("errors[0].field", equalTo("percentComplete"))
                .body("errors[0].message", equalTo("expected a whole number"));
        for (String missing : new String[]{"", "null"}) {
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(missing).put("/tasks/" + taskId)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("body")).body("errors[0].message", equalTo("a JSON body is required"))
                    .body("detail", equalTo("body: a JSON body is required"));
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(missing).patch("/tasks/" + taskId)
                    .then().statusCode(400).body("errors.field", contains("body"));
            given().contentType(ContentType.JSON).body(missing).post(url)
                    .then().statusCode(400).body("errors.field", contains("body"));
        }
        given().get("/tasks/" + taskId).then().statusCode(200).header("ETag", equalTo("\"0\""));
    }

    @Test
    void listFiltersAndSortsOnWhitelistedFields() {
        String inspectionId = Fixtures.inspection();
        String areaId = Fixtures.area(inspectionId, "优化配置资源要素不够有力");
        String problemId = Fixtures.problem(areaId, "提升招商引资工作成效");
        Fixtures.task(problemId, Fixtures.taskJson("结合实际制定扶持政策", "2025-06-30", "TIME_BOUND", ""));
        Fixtures.task(problemId, Fixtures.taskJson("提升主导产业招商质量", "2024-12-31", "IMMEDIATE", ""));
        String third = Fixtures.task(problemId, Fixtures.taskJson("提升招引外资成效", "2099-12-31", "TIME_BOUND", ""));
        given().post("/tasks/" + third + "/start").then().statusCode(200);

        given().queryParam("inspectionId", inspectionId).queryParam("sort", "-deadline")
                .get("/tasks").then().statusCode(200).body("total", equalTo(3))
                .body("items.title", contains("提升招引外资成效", "结合实际制定扶持政策", "提升主导产业招商质量"));
        given().queryParam("inspectionId", inspectionId).queryParam("kind", "TIME_BOUND").queryParam("sort", "number")
                .get("/tasks").then().body("items.number", contains(1, 3));
        given().queryParam("inspectionId", inspectionId).queryParam("state", "IN_PROGRESS")
                .get("/tasks").then().body("items.id", contains(third));
        given().queryParam("inspectionId", inspectionId).queryParam("overdue", "true")
                .get("/tasks").then().body("items", hasSize(2)).body("items.overdue", everyItem(equalTo(true)));
        given().queryParam("areaId", areaId).queryParam("unit", "财政金融局").queryParam("leadOfficial", "王副主任")
                .queryParam("size", 2).queryParam("page", 1)
                .get("/tasks").then().body("total", equalTo(3)).body("items", hasSize(1)).body("page", equalTo(1));
        given().get("/problems/" + problemId + "/tasks").then().body("items.number", contains(1, 2, 3));

        given().queryParam("sort", "password").get("/tasks").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sort"));
        given().queryParam("state", "DONE").get("/tasks").then().statusCode(400).body("errors[0].field", equalTo("state"));
        given().queryParam("overdue", "yes").get("/tasks").then().statusCode(400).body("errors[0].field", equalTo("overdue"));
        given().queryParam("inspectionId", "abc").get("/tasks").then().statusCode(400)
                .body("errors[0].field", equalTo("inspectionId"));
    }

    @Test
    void evidenceAndProgressAreListedPerTask() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("强化资产管理", "2024-12-31", "TIME_BOUND", ""));
        given().contentType(ContentType.JSON).body(Map.of("type", "MINUTES", "title", "管委会专题会议纪要", "date", "2024-09-30"))
                .post("/tasks/" + taskId + "/evidence").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("type", "VIDEO", "title", "x", "date", "2024-09-30"))
                .post("/tasks/" + taskId + "/evidence").then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().get("/tasks/" + taskId + "/evidence").then().statusCode(200).body("title", contains("管委会专题会议纪要"));
        given().get("/tasks/" + taskId).then().body("evidenceCount", equalTo(1)).body("version", equalTo(1));
        given().contentType(ContentType.JSON).header("X-Actor", "li.ke")
                .body(Map.of("cadence", "MONTHLY", "periodStart", "2024-10-31", "periodEnd", "2024-10-01",
                        "text", "月推进", "percentComplete", 30))
                .post("/tasks/" + taskId + "/progress-reports").then().statusCode(400)
                .body("errors[0].field", equalTo("periodEnd"));
        given().contentType(ContentType.JSON).header("X-Actor", "li.ke")
                .body(Map.of("cadence", "MONTHLY", "periodStart", "2024-10-01", "periodEnd", "2024-10-31",
                        "text", "月推进", "percentComplete", 130))
                .post("/tasks/" + taskId + "/progress-reports").then().statusCode(400)
                .body("errors[0].field", equalTo("percentComplete"));
        given().contentType(ContentType.JSON).header("X-Actor", "li.ke")
                .body(Map.of("cadence", "MONTHLY", "periodStart", "2024-10-01", "periodEnd", "2024-10-31",
                        "text", "组建清缴小组", "percentComplete", 30))
                .post("/tasks/" + taskId + "/progress-reports").then().statusCode(201);
        given().get("/tasks/" + taskId + "/progress-reports").then().statusCode(200)
                .body("text", equalTo(List.of("组建清缴小组")));
    }
}
