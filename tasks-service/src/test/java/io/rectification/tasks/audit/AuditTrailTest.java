package io.rectification.tasks.audit;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class AuditTrailTest {

    @Inject
    EntityManager entityManager;

    @Test
    void everyChangeIsRecordedWithWhoAndBeforeAndAfter() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("强化资产管理", "2024-12-31", "TIME_BOUND", ""));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").header("X-Actor", "wang.zhuren")
                .body("{\"responsibleUnit\":\"园区运营事业部\"}").patch("/tasks/" + taskId).then().statusCode(200);
        given().contentType(ContentType.JSON).header("X-Actor", "wang.zhuren").post("/tasks/" + taskId + "/start")
                .then().statusCode(200);

        given().get("/tasks/" + taskId + "/audit").then().statusCode(200)
                .body("action", contains("TaskCreated", "TaskUpdated", "TaskUpdated"))
                .body("actor", contains(StaffTokens.DEFAULT_ACTOR, "wang.zhuren", "wang.zhuren"))
                .body("[0].before", nullValue())
                .body("[1].before.responsibleUnit", equalTo("财政金融局"))
                .body("[1].after.responsibleUnit", equalTo("园区运营事业部"))
                .body("[2].before.state", equalTo("PLANNED"))
                .body("[2].after.state", equalTo("IN_PROGRESS"));
        given().get("/tasks/7d1f9a52-0000-4000-8000-000000000000/audit").then().statusCode(404);

        UUID id = UUID.fromString(taskId);
        Exception refused = assertThrows(Exception.class, () -> rewrite(id));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" / ");
        }
        assertTrue(messages.toString().contains("audit_entry is append-only"), messages.toString());
    }

    @Transactional
    void rewrite(UUID taskId) {
        entityManager.createNativeQuery("UPDATE audit_entry SET actor = 'someone else' WHERE entity_id = ?1")
                .setParameter(1, taskId.toString()).executeUpdate();
    }
}
