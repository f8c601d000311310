package io.rectification.tasks.task;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A task is claimed complete and closed out (销号) only on evidence a supervisor can look at: an entry
 * with its file attached or a reference (document number, ledger name), not a title alone
 * ({@link CloseOutRule}); and the task view offers a verification exactly when the command takes it.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class EvidenceToCloseOutTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Inject
    EntityManager entityManager;

    private static ValidatableResponse act(String taskId, String action, String actor) {
        return given().contentType(ContentType.JSON).header("X-Actor", actor)
                .when().post("/tasks/" + taskId + "/" + action).then();
    }

    private static String startedTask(String title) {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson(title, "2025-06-30", "TIME_BOUND", ""));
        act(taskId, "start", "li.ke").statusCode(200);
        return taskId;
    }

    private static String addEntry(String taskId, Map<String, String> entry) {
        return given().contentType(ContentType.JSON).body(entry).post("/tasks/" + taskId + "/evidence")
                .then().statusCode(201).extract().path("id");
    }

    private static String bareEntry(String taskId, String title) {
        // a reference of full-width spaces is no reference (stored as none)
        return addEntry(taskId, Map.of("type", "MINUTES", "title", title, "reference", "\u3000 ", "date", "2024-11-20"));
    }

    @Test
    void aTitleOnlyIsRefusedAndNamedAndAReferenceIsEnough() {
        String taskId = startedTask("规范会议议定事项落实");
        String bare = bareEntry(taskId, "党组会纪要");
        given().get("/tasks/" + taskId + "/evidence/" + bare).then().body("reference", equalTo(null));
        act(taskId, "completion-claim", "li.ke").statusCode(409).contentType("application/problem+json")
                .body("missing", contains("evidenceWithFileOrReference"))
                .body("bareEvidence.id", contains(bare)).body("bareEvidence.title", contains("党组会纪要"))
                .body("detail", containsString("党组会纪要"));

        addEntry(taskId, Map.of("type", "DOCUMENT", "title", "会议议定事项督办通知", "reference", "沈高新党办〔2024〕31号",
                "date", "2024-11-22"));
        act(taskId, "completion-claim", "li.ke").statusCode(200).body("state", equalTo("COMPLETION_CLAIMED"))
                .body("allowedTransitions", hasItem("VERIFY"));
        act(taskId, "verification", "zhao.du").statusCode(200).body("state", equalTo("VERIFIED"));
    }

    @Test
    void aFileAttachedToTheEntryIsEnoughToo() {
        String taskId = startedTask("规范公务接待管理");
        String entry = bareEntry(taskId, "公务接待台账");
        act(taskId, "completion-claim", "li.ke").statusCode(409).body("missing", contains("evidenceWithFileOrReference"));
        given().contentType("application/pdf").body(PDF).queryParam("filename", "公务接待台账.pdf")
                .put("/tasks/" + taskId + "/evidence/" + entry + "/file").then().statusCode(200);
        act(taskId, "completion-claim", "li.ke").statusCode(200).body("state", equalTo("COMPLETION_CLAIMED"));
    }

    @Test
    void aClaimOnATitleOnlyMadeBeforeTheRuleOffersNoVerificationAndVerifyingIsRefused() {
        String taskId = startedTask("规范公务用车管理");
        String entry = addEntry(taskId, Map.of("type", "LEDGER", "title", "公务用车台账", "reference", "党政办公室台账",
                "date", "2024-11-20"));
        act(taskId, "completion-claim", "li.ke").statusCode(200).body("allowedTransitions", hasItem("VERIFY"));
        // as a claim made before the rule stands in the database: its only entry a title
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE evidence SET reference = NULL WHERE id = ?1")
                .setParameter(1, UUID.fromString(entry)).executeUpdate());

        given().get("/tasks/" + taskId).then().statusCode(200)
                .body("allowedTransitions", contains("REJECT_COMPLETION", "WITHDRAW_CLAIM"));
        act(taskId, "verification", "zhao.du").statusCode(409)
                .body("missing", contains("evidenceWithFileOrReference")).body("bareEvidence.id", contains(entry));
    }
}
