package io.rectification.tasks.task;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The look-back schedule through the API, with the clock pinned on the days where month arithmetic bites. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class LookBackScheduleTest {

    @AfterEach
    void releaseClock() {
        AdjustableClock.release();
    }

    @Test
    void aCloseOutOnTheLastDayOfNovemberIsDueOnTheLastDayOfFebruaryAndStaysInTheList() {
        // 23:59 on 30 November in Shanghai (15:59 UTC): the close-out's day is the 30th
        AdjustableClock.pinAt(Instant.parse("2026-11-30T15:59:00Z"));
        String[] closed = closedOutTask();
        String inspectionId = closed[0], taskId = closed[1];

        dueBy(inspectionId, "2027-02-27").body("items.id", not(hasItem(taskId)));
        dueBy(inspectionId, "2027-02-28").body("items.id", hasItem(taskId));
        dueBy(inspectionId, "2027-03-31").body("items.id", hasItem(taskId));

        given().contentType(ContentType.JSON).header("X-Actor", "qian.zu").body(Map.of("outcome", "CONFIRMED"))
                .post("/tasks/" + taskId + "/look-back-reviews").then().statusCode(201)
                .body("task.nextLookBackDue", equalTo("2027-05-30"));
        dueBy(inspectionId, "2027-05-29").body("items.id", not(hasItem(taskId)));
        dueBy(inspectionId, "2027-05-30").body("items.id", hasItem(taskId));

        given().contentType(ContentType.JSON).header("X-Actor", "qian.zu").body(Map.of("outcome", "CONFIRMED"))
                .post("/tasks/" + taskId + "/look-back-reviews").then().statusCode(201)
                .body("task.nextLookBackDue", equalTo("2027-11-30"));
        given().contentType(ContentType.JSON).header("X-Actor", "qian.zu").body(Map.of("outcome", "CONFIRMED"))
                .post("/tasks/" + taskId + "/look-back-reviews").then().statusCode(201)
                .body("task.nextLookBackDue", nullValue());
        dueBy(inspectionId, "2099-12-31").body("items.id", not(hasItem(taskId)));
    }

    @Test
    void aCloseOutJustAfterMidnightInShanghaiCountsFromThatDay() {
        // 00:30 on 1 December in Shanghai is still 30 November in UTC
        AdjustableClock.pinAt(Instant.parse("2026-11-30T16:30:00Z"));
        String[] closed = closedOutTask();
        given().get("/tasks/" + closed[1]).then().body("nextLookBackDue", equalTo("2027-03-01"));
        dueBy(closed[0], "2027-02-28").body("items.id", not(hasItem(closed[1])));
        dueBy(closed[0], "2027-03-01").body("items.id", hasItem(closed[1]));
    }

    @Test
    void aCloseOutOnTheThirtyFirstOfAugustIsDueOnLeapDayAfterSixMonths() {
        AdjustableClock.pinAt(Instant.parse("2027-08-31T04:00:00Z"));
        String[] closed = closedOutTask();
        given().get("/tasks/" + closed[1]).then().body("nextLookBackDue", equalTo("2027-11-30"));
        given().contentType(ContentType.JSON).header("X-Actor", "qian.zu").body(Map.of("outcome", "CONFIRMED"))
                .post("/tasks/" + closed[1] + "/look-back-reviews").then().statusCode(201)
                .body("task.nextLookBackDue", equalTo("2028-02-29"));
        dueBy(closed[0], "2028-02-28").body("items.id", not(hasItem(closed[1])));
        dueBy(closed[0], "2028-02-29").body("items.id", hasItem(closed[1]));
    }

    @Test
    void aReopenedTaskHasNoLookBackDueAndBadDatesAreRefused() {
        AdjustableClock.pinAt(Instant.parse("2026-11-30T02:00:00Z"));
        String[] closed = closedOutTask();
        given().contentType(ContentType.JSON).header("X-Actor", "qian.zu")
                .body(Map.of("outcome", "REOPENED", "reason", "问题反弹", "deadline", "2027-02-28"))
                .post("/tasks/" + closed[1] + "/look-back-reviews").then().statusCode(201)
                .body("task.nextLookBackDue", nullValue());
        dueBy(closed[0], "2099-12-31").body("items.id", not(hasItem(closed[1])));
        given().queryParam("lookBackDueBy", "soon").get("/tasks").then().statusCode(400)
                .body("errors[0].field", equalTo("lookBackDueBy"));
        String problemId = given().get("/tasks/" + closed[1]).then().extract().path("problemId");
        given().get("/tasks/" + Fixtures.task(problemId, Fixtures.taskJson("强化", "2099-12-31", "IMMEDIATE", "")))
                .then().body("nextLookBackDue", nullValue());
    }

    /** A new task taken through start, evidence, claim and verification at the pinned time: {inspectionId, taskId}. */
    private static String[] closedOutTask() {
        String problemId = Fixtures.freshProblem();
        String inspectionId = given().get("/problems/" + problemId).then().extract().path("inspectionId");
        String taskId = Fixtures.task(problemId, Fixtures.taskJson("强化资产管理", "2099-12-31", "TIME_BOUND", ""));
        given().contentType(ContentType.JSON).post("/tasks/" + taskId + "/start").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("type", "LEDGER", "title", "欠费台账", "reference", "财政金融局欠费台账", "date", "2024-10-08"))
                .post("/tasks/" + taskId + "/evidence").then().statusCode(201);
        given().contentType(ContentType.JSON).header("X-Actor", "li.ke").post("/tasks/" + taskId + "/completion-claim")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).header("X-Actor", "zhao.du").post("/tasks/" + taskId + "/verification")
                .then().statusCode(200);
        return new String[] {inspectionId, taskId};
    }

    private static io.restassured.response.ValidatableResponse dueBy(String inspectionId, String date) {
        return given().queryParam("inspectionId", inspectionId).queryParam("lookBackDueBy", date)
                .queryParam("size", 100).get("/tasks").then().statusCode(200);
    }
}
