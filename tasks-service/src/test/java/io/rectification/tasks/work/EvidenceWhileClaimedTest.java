package io.rectification.tasks.work;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The evidence a supervisor verifies is the evidence claimed with: while a claim waits (COMPLETION_CLAIMED)
 * no entry is added, no file attached or replaced, no entry removed, as after the close-out (销号), and
 * the refusal says to withdraw the claim (撤回销号申请) first. And an entry left without its file (its file
 * refused: an executable named 伪装.pdf) can be removed by its unit or the office while the evidence is open,
 * with the usual guard, and audited.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class EvidenceWhileClaimedTest {

    private static final byte[] PDF = EvidenceFileTest.PDF;
    private static final byte[] EXECUTABLE = "MZ\u0090\u0000 a program named .pdf".getBytes(StandardCharsets.ISO_8859_1);
    private static final String UNIT = "财政金融局";

    private static RequestSpecification officerOf(String unit) {
        return given().header("X-Actor", "officer." + unit.hashCode()).header("X-Test-Roles", "officer")
                .header("X-Test-Unit", unit);
    }

    private static String newTask(String title) {
        return Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson(title, "2099-12-31", "TIME_BOUND", ""));
    }

    private static String addEntry(String taskId, String title) {
        return given().contentType(ContentType.JSON).body(Map.of("type", "LEDGER", "title", title, "date", "2024-11-20"))
                .post("/tasks/" + taskId + "/evidence").then().statusCode(201).extract().path("id");
    }

    private static String fileUrl(String taskId, String evidenceId) {
        return "/tasks/" + taskId + "/evidence/" + evidenceId + "/file";
    }

    @Test
    void whileAClaimWaitsTheEvidenceIsLockedUntilTheClaimIsWithdrawn() {
        String taskId = newTask("规范财政专户管理");
        String withFile = addEntry(taskId, "专户清理台账");
        String withoutFile = addEntry(taskId, "清理情况说明");
        given().contentType("application/pdf").body(PDF).queryParam("filename", "台账.pdf").put(fileUrl(taskId, withFile))
                .then().statusCode(200);
        given().post("/tasks/" + taskId + "/start").then().statusCode(200);
        given().header("X-Actor", "li.ke").post("/tasks/" + taskId + "/completion-claim").then().statusCode(200)
                .body("state", equalTo("COMPLETION_CLAIMED"));

        byte[] other = "%PDF-1.7\n% another ledger\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        given().contentType(ContentType.JSON).body(Map.of("type", "DOCUMENT", "title", "补充材料", "date", "2024-12-01"))
                .post("/tasks/" + taskId + "/evidence").then().statusCode(409).contentType("application/problem+json")
                .body("state", equalTo("COMPLETION_CLAIMED"))
                .body("detail", containsString("撤回销号申请"));
        officerOf(UNIT).contentType("application/pdf").body(other).queryParam("filename", "另一台账.pdf")
                .put(fileUrl(taskId, withFile)).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("withdraw the claim"));
        given().contentType("application/pdf").body(PDF).queryParam("filename", "说明.pdf").put(fileUrl(taskId, withoutFile))
                .then().statusCode(409).body("state", equalTo("COMPLETION_CLAIMED"));
        given().delete("/tasks/" + taskId + "/evidence/" + withoutFile).then().statusCode(409)
                .body("state", equalTo("COMPLETION_CLAIMED"));
        // what the supervisor verifies is what was claimed with
        assertArrayEquals(PDF, given().get(fileUrl(taskId, withFile)).then().statusCode(200).extract().asByteArray());
        given().get("/tasks/" + taskId + "/evidence").then().body("$", hasSize(2));

        given().contentType(ContentType.JSON).header("X-Actor", "li.ke")
                .post("/tasks/" + taskId + "/completion-claim-withdrawal").then().statusCode(200)
                .body("state", equalTo("IN_PROGRESS"));
        // the file is replaced as any file is: against the task's version read (If-Match)
        String version = given().get("/tasks/" + taskId).then().extract().header("ETag");
        officerOf(UNIT).header("If-Match", version).contentType("application/pdf").body(other).queryParam("filename", "另一台账.pdf")
                .put(fileUrl(taskId, withFile)).then().statusCode(200);
        addEntry(taskId, "补充材料");
    }

    @Test
    void anEntryWhoseFileWasRefusedIsRemovedByItsUnitWithTheUsualGuardAndAudited() {
        String taskId = newTask("规范非税收入管理");
        String entry = addEntry(taskId, "伪装");
        given().contentType("application/pdf").body(EXECUTABLE).queryParam("filename", "伪装.pdf").put(fileUrl(taskId, entry))
                .then().statusCode(400).body("errors[0].field", equalTo("Content-Type"));
        given().get("/tasks/" + taskId + "/evidence/" + entry).then().statusCode(200).body("file", nullValue());
        String url = "/tasks/" + taskId + "/evidence/" + entry;

        officerOf("招商局").delete(url).then().statusCode(403).contentType("application/problem+json");
        String version = given().get("/tasks/" + taskId).then().extract().header("ETag");
        given().header("If-Match", "\"0\"").delete(url).then().statusCode(412).contentType("application/problem+json");
        given().delete("/tasks/" + taskId + "/evidence/7d1f9a52-0000-4000-8000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        given().delete("/tasks/00000000-0000-4000-8000-0000000000aa/evidence/" + entry).then().statusCode(404);

        String after = officerOf(UNIT).header("If-Match", version).delete(url).then().statusCode(204)
                .extract().header("ETag");
        given().get("/tasks/" + taskId).then().header("ETag", equalTo(after)).body("evidenceCount", equalTo(0));
        given().get(url).then().statusCode(404);
        given().get("/tasks/" + taskId + "/evidence").then().body("$", hasSize(0));
        officerOf(UNIT).delete(url).then().statusCode(404);
        given().header("X-Test-Roles", "coordinator").get("/tasks/" + taskId + "/audit").then().statusCode(200)
                .body("findAll { it.after.evidenceRemoved != null }.size()", equalTo(1))
                .body("find { it.after.evidenceRemoved != null }.action", equalTo("TaskUpdated"))
                .body("find { it.after.evidenceRemoved != null }.after.evidenceRemoved.id", equalTo(entry))
                .body("find { it.after.evidenceRemoved != null }.after.evidenceRemoved.title", equalTo("伪装"))
                .body("find { it.after.evidenceRemoved != null }.after.evidenceCount", equalTo(0));
    }

    @Test
    void theOfficeRemovesAnEmptyEntryButAnEntryWithItsFileIsReplacedNotRemovedAndNothingOnceClosedOut() {
        String taskId = newTask("规范预算绩效管理");
        String withFile = addEntry(taskId, "绩效台账");
        String empty = addEntry(taskId, "重复登记的台账");
        given().contentType("application/pdf").body(PDF).queryParam("filename", "绩效台账.pdf").put(fileUrl(taskId, withFile))
                .then().statusCode(200);
        given().header("X-Test-Roles", "coordinator").delete("/tasks/" + taskId + "/evidence/" + withFile).then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("replace the file"));
        given().header("X-Test-Roles", "supervisor").delete("/tasks/" + taskId + "/evidence/" + empty).then().statusCode(403);
        given().header("X-Test-Roles", "coordinator").delete("/tasks/" + taskId + "/evidence/" + empty).then().statusCode(204);

        String another = addEntry(taskId, "又一份说明");
        given().post("/tasks/" + taskId + "/start").then().statusCode(200);
        given().header("X-Actor", "li.ke").post("/tasks/" + taskId + "/completion-claim").then().statusCode(200);
        given().header("X-Actor", "zhao.du").post("/tasks/" + taskId + "/verification").then().statusCode(200)
                .body("state", equalTo("VERIFIED"));
        given().delete("/tasks/" + taskId + "/evidence/" + another).then().statusCode(409)
                .body("state", equalTo("VERIFIED"));
        given().get("/tasks/" + taskId + "/evidence").then().body("$", hasSize(2));
    }
}
