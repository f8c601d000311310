package io.rectification.tasks.task;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class LookBackScheduleTest {

    @Test
    void closeOutsAreDueForLookBackAtThreeSixAndTwelveMonths() {
        String problemId = Fixtures.freshProblem();
        String inspectionId = given().get("/problems/" + problemId).then().extract().path("inspectionId");
        String taskId = Fixtures.task(problemId, Fixtures.taskJson("强化资产管理", "2099-12-31", "TIME_BOUND", ""));
        given().contentType(ContentType.JSON).post("/tasks/" + taskId + "/start").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("type", "LEDGER", "title", "欠费台账", "date", "2024-10-08"))
                .post("/tasks/" + taskId + "/evidence").then().statusCode(201);
        given().contentType(ContentType.JSON).header("X-Actor", "li.ke").post("/tasks/" + taskId + "/completion-claim")
                .then().statusCode(200);
        LocalDate closedOn = LocalDate.now();
        given().contentType(ContentType.JSON).header("X-Actor", "zhao.du").post("/tasks/" + taskId + "/verification")
                .then().statusCode(200).body("nextLookBackDue", equalTo(closedOn.plusMonths(3).toString()));

        given().queryParam("inspectionId", inspectionId).queryParam("lookBackDueBy", closedOn.plusMonths(3).minusDays(1).toString())
                .get("/tasks").then().body("items.id", not(hasItem(taskId)));
        given().queryParam("inspectionId", inspectionId).queryParam("lookBackDueBy", closedOn.plusMonths(3).toString())
                .get("/tasks").then().body("items.id", hasItem(taskId));

        given().contentType(ContentType.JSON).header("X-Actor", "qian.zu").body(Map.of("outcome", "CONFIRMED"))
                .post("/tasks/" + taskId + "/look-back-reviews").then().statusCode(201)
                .body("task.nextLookBackDue", equalTo(closedOn.plusMonths(6).toString()));
        given().queryParam("inspectionId", inspectionId).queryParam("lookBackDueBy", closedOn.plusMonths(4).toString())
                .get("/tasks").then().body("items.id", not(hasItem(taskId)));
        given().queryParam("inspectionId", inspectionId).queryParam("lookBackDueBy", closedOn.plusMonths(6).toString())
                .get("/tasks").then().body("items.id", hasItem(taskId));
        given().queryParam("lookBackDueBy", "soon").get("/tasks").then().statusCode(400)
                .body("errors[0].field", equalTo("lookBackDueBy"));
        given().get("/tasks/" + Fixtures.task(problemId, Fixtures.taskJson("强化", "2099-12-31", "IMMEDIATE", "")))
                .then().body("nextLookBackDue", nullValue());
    }
}
