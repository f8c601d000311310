package io.rectification.tasks.plan;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class PlanImportTest {

    static String task(String title, String deadline) {
        return Fixtures.taskJson(title, deadline, "TIME_BOUND", "");
    }

    static String plan(String firstAreaTasks, String secondAreaTasks) {
        return """
                {"inspection":%s,
                 "areas":[
                   {"title":"贯彻落实党中央决策部署和省委要求不到位","problems":[
                      {"title":"做好优化营商环境重点工作","tasks":[%s]}]},
                   {"title":"推进管理机制改革不彻底","problems":[
                      {"title":"推进机构人事改革","description":"反馈意见原文","tasks":[%s]},
                      {"title":"深化体制机制改革"}]}]}"""
                .formatted(Fixtures.inspectionJson(), firstAreaTasks, secondAreaTasks);
    }

    @Test
    void wholePlanIsStoredInOrder() {
        String body = plan(task("强化思想认识", "2024-12-31") + "," + task("全力解决政府失信问题", "2025-03-31"),
                task("积极招聘事业编制人员", "2024-12-31"));
        var created = given().contentType(ContentType.JSON).body(body).post("/plans")
                .then().statusCode(201)
                .header("Location", containsString("/inspections/"))
                .body("areaCount", equalTo(2)).body("problemCount", equalTo(3)).body("taskCount", equalTo(3))
                .body("areas[0].problems[0].tasks", hasSize(2))
                .extract();
        String inspectionId = created.path("inspectionId");
        String secondTask = created.path("areas[0].problems[0].tasks[1]");
        given().get("/inspections/" + inspectionId + "/areas").then()
                .body("items.title", contains("贯彻落实党中央决策部署和省委要求不到位", "推进管理机制改革不彻底"));
        given().queryParam("inspectionId", inspectionId).get("/problems").then()
                .body("total", equalTo(3)).body("items.source", not(hasItem("LOOK_BACK")));
        given().get("/tasks/" + secondTask).then().statusCode(200)
                .body("number", equalTo(2)).body("title", equalTo("全力解决政府失信问题"));
        // the answer carries the inspection's ETag, as its GET does, for the first correction's If-Match
        assertEquals(given().get("/inspections/" + inspectionId).then().extract().header("ETag"), created.header("ETag"));
        given().contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(Fixtures.inspectionJson().replace("2024-08-18", "2024-08-19")).put("/inspections/" + inspectionId)
                .then().statusCode(200).body("feedbackDate", equalTo("2024-08-19"));
    }

    @Test
    void everyBadRowIsReportedWithItsLocationAndNothingIsStored() {
        int before = given().get("/inspections").then().extract().path("total");
        String body = plan(task("强化思想认识", "2024-01-01") + "," + task("全力解决政府失信问题", "2024-12-31") + ","
                        + Fixtures.taskJson("建立长效机制", "2025-12-31", "LONG_TERM", ""),
                task("积极招聘事业编制人员", "2023-12-31"));
        given().contentType(ContentType.JSON).body(body).post("/plans")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("areas[0].problems[0].tasks[0].deadline",
                        "areas[0].problems[0].tasks[2].milestones", "areas[1].problems[0].tasks[0].deadline"))
                .body("errors", hasSize(3));
        given().get("/inspections").then().body("total", equalTo(before));
    }

    @Test
    void missingAndOverLongFieldsAreLocatedInTheDocument() {
        int before = given().get("/inspections").then().extract().path("total");
        String body = plan(task("强化思想认识", "2024-12-31").replace("\"leadOfficial\":\"王副主任\",", ""),
                task("x".repeat(501), "2024-12-31"));
        given().contentType(ContentType.JSON).body(body).post("/plans")
                .then().statusCode(400)
                .body("errors.field", hasItems("areas[0].problems[0].tasks[0].leadOfficial",
                        "areas[1].problems[0].tasks[0].title"));
        given().contentType(ContentType.JSON).body(plan(task("强化", "2024-12-31").replace("TIME_BOUND", "SOON"), ""))
                .post("/plans").then().statusCode(400)
                .body("errors[0].field", equalTo("areas[0].problems[0].tasks[0].kind"));
        given().contentType(ContentType.JSON).body("{\"inspection\":" + Fixtures.inspectionJson() + ",\"areas\":[]}")
                .post("/plans").then().statusCode(400).body("errors[0].field", equalTo("areas"));
        given().contentType(ContentType.JSON).body("{\"inspection\":").post("/plans").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/inspections").then().body("total", equalTo(before));
    }

    /** Every text of the plan is published in events kept for good: contact details in any are named where they are. */
    @Test
    void contactDetailsInThePlanAreLocatedInTheDocument() {
        int before = given().get("/inspections").then().extract().path("total");
        String body = plan(task("强化思想认识", "2024-12-31").replace("\"王副主任\"", "\"王副主任（13812345678）\""),
                task("依据〔2026〕12号文件整改", "2024-12-31")).replace("反馈意见原文", "群众张某，身份证210102198001011234");
        given().contentType(ContentType.JSON).body(body).post("/plans")
                .then().statusCode(400)
                .body("errors.field", contains("areas[0].problems[0].tasks[0].leadOfficial", "areas[1].problems[0].description"))
                .body("errors[0].message", startsWith("contains contact details (a mobile number)"));
        given().get("/inspections").then().body("total", equalTo(before));
    }

    /**
     * The reviewer's RV1: titles copied with the notice's numbers were stored with them, and the lists
     * printed （一）（一）贯彻落实不到位 and (一)1. １．招商不力. The plan's own numbering is removed; a title stored
     * with it before is still the plan's title (the same plan again changes nothing).
     */
    @Test
    void theClerksNumberingIsNotStoredAndATitleStoredWithItIsStillTheSame() {
        String body = """
                {"inspection":%s,
                 "areas":[{"title":"（一）贯彻落实不到位","problems":[{"title":"１．招商不力","tasks":[%s]}]}]}"""
                .formatted(Fixtures.inspectionJson(), task("一是建立项目跟踪机制", "2024-12-31"));
        String inspectionId = given().contentType(ContentType.JSON).body(body).post("/plans").then().statusCode(201)
                .extract().path("inspectionId");
        given().get("/inspections/" + inspectionId + "/task-list").then()
                .body("label", contains("（一）1.一是"))
                .body("areaTitle", contains("贯彻落实不到位"))
                .body("problemTitle", contains("招商不力"))
                .body("title", contains("建立项目跟踪机制"));
        String areaId = given().get("/inspections/" + inspectionId + "/areas").then().extract().path("items[0].id");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(java.util.Map.of("title", "（一）贯彻落实不到位"))
                .put("/areas/" + areaId).then().statusCode(200);
        given().contentType(ContentType.JSON).body(body).post("/plans?dryRun=true").then().statusCode(200)
                .body("changed", equalTo(0)).body("unchanged", equalTo(4)).body("added", equalTo(0));
    }
}
