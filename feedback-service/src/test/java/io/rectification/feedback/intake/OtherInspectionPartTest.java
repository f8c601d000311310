package io.rectification.feedback.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Ledger;
import io.rectification.feedback.Publications;
import io.rectification.platform.security.Roles;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * Two inspections side by side, each with its publication: feedback on one is never linked to the other's
 * area or task, whichever way it comes in (public form, staff's intake, Open311). Refused as triage refuses
 * it (ledger.PartOf): 400 naming the field for another inspection's part, 422 for one not heard of here; the
 * public's in the submitter's language. The inspection's own parts go through; so does a task of it beside
 * an area only when it is under that area (else 400 naming taskId, triage's rule too), and a task alone
 * brings its area and problem, as a triage link does.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class OtherInspectionPartTest {

    static final UUID FIRST = UUID.randomUUID();
    static final UUID SECOND = UUID.randomUUID();
    static final UUID FIRST_AREA = UUID.randomUUID();
    static final UUID FIRST_TASK = UUID.randomUUID();
    static final UUID SECOND_AREA = UUID.randomUUID();
    static final UUID SECOND_TASK = UUID.randomUUID();
    /** The second inspection's other area, its finding and measure: of the inspection, not under SECOND_AREA. */
    static final UUID SECOND_OTHER_AREA = UUID.randomUUID();
    static final UUID SECOND_OTHER_PROBLEM = UUID.randomUUID();
    static final UUID SECOND_OTHER_TASK = UUID.randomUUID();
    static String first;
    static String second;

    /** Once for the class, from its first test: a static @BeforeAll runs before the application has started. */
    private static synchronized void twoInspectionsSideBySide() {
        if (second != null) {
            return;
        }
        LocalDateTime now = AdjustableClock.current().toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
        first = Publications.create(Publications.json(FIRST, now.minusDays(1), now.plusDays(1), null));
        second = Publications.create(Publications.json(SECOND, now.minusDays(1), now.plusDays(1), null));
        announce(FIRST, 1, FIRST_AREA, UUID.randomUUID(), FIRST_TASK, first);
        announce(SECOND, 1, SECOND_AREA, UUID.randomUUID(), SECOND_TASK, second);
        announce(SECOND, 2, SECOND_OTHER_AREA, SECOND_OTHER_PROBLEM, SECOND_OTHER_TASK, second);
    }

    /** An area's finding with one measure, once its publication's form offers the measure (read here from Kafka). */
    private static void announce(UUID inspection, int areaNumber, UUID area, UUID problem, UUID task,
                                 String publication) {
        Ledger.area(inspection, area, areaNumber, "落实全面从严治党不到位");
        Ledger.problem(inspection, area, problem, 1, "招商项目跟踪不到位", "PLAN", null, 0, 0);
        Ledger.task(inspection, area, problem, task, 1, "建立招商项目全周期跟踪服务机制", "IN_PROGRESS", 40, 0);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().get("/publications/" + publication + "/form-choices").then().extract().asString()
                        .contains(task.toString()));
    }

    private static RequestSpecification asPublic() {
        return Clients.citizen().contentType(ContentType.JSON);
    }

    private static String link(String member, UUID id) {
        return ",\"" + member + "\":\"" + id + "\"";
    }

    @Test
    void publicFormRefusesTheOtherInspectionsAreaOrTaskInTheSubmittersLanguage() {
        twoInspectionsSideBySide();
        String url = "/publications/" + second + "/feedback";
        asPublic().body("{\"text\":\"建议公开招商项目履约情况。\"" + link("areaId", FIRST_AREA) + "}").when().post(url)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("areaId"))
                .body("errors[0].message", startsWith("不是本次公布所涉巡视的整改事项"));
        asPublic().header("Accept-Language", "en").body("{\"text\":\"Publish the projects' progress.\""
                        + link("areaId", SECOND_AREA) + link("taskId", FIRST_TASK) + "}").when().post(url)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("taskId"))
                .body("errors[0].message", startsWith("is not part of the rectification of the inspection"));
        asPublic().body("{\"text\":\"建议公开招商项目进展。\"" + link("taskId", UUID.randomUUID()) + "}").when().post(url)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("taskId")).body("retryAfterSeconds", equalTo(5));
        // the inspection's own task, but beside another of its areas
        asPublic().body("{\"text\":\"建议公开招商项目签约进度。\"" + link("areaId", SECOND_AREA)
                        + link("taskId", SECOND_OTHER_TASK) + "}").when().post(url)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("taskId"))
                .body("errors[0].message", startsWith("不是所选方面下的整改措施"));
        asPublic().header("Accept-Language", "en").body("{\"text\":\"Publish the projects' schedule.\""
                        + link("areaId", SECOND_OTHER_AREA) + link("taskId", SECOND_TASK) + "}").when().post(url)
                .then().statusCode(400).body("errors.field", contains("taskId"))
                .body("errors[0].message", startsWith("is not a measure of the area given"));
        // its own inspection's go through, a task alone under its area and problem; nothing of the refused was stored
        asPublic().body("{\"text\":\"建议公开招商项目签约情况。\"" + link("areaId", SECOND_AREA) + link("taskId", SECOND_TASK)
                + "}").when().post(url).then().statusCode(201);
        asPublic().body("{\"text\":\"建议公开招商项目落地情况。\"" + link("taskId", SECOND_OTHER_TASK)
                + "}").when().post(url).then().statusCode(201);
        given().header("X-Actor", "li.ganshi").queryParam("publicationId", second).when().get("/feedback")
                .then().statusCode(200).body("items.findAll { it.channel == 'WEB' }", hasSize(2))
                .body("items.findAll { it.channel == 'WEB' }.taskId",
                        containsInAnyOrder(SECOND_TASK.toString(), SECOND_OTHER_TASK.toString()))
                .body("items.find { it.taskId == '" + SECOND_OTHER_TASK + "' }.areaId",
                        equalTo(SECOND_OTHER_AREA.toString()))
                .body("items.find { it.taskId == '" + SECOND_OTHER_TASK + "' }.problemId",
                        equalTo(SECOND_OTHER_PROBLEM.toString()));
    }

    @Test
    void staffIntakeRefusesTheOtherInspectionsAreaOrTask() {
        twoInspectionsSideBySide();
        String call = """
                {"publicationId":"%s","channel":"PHONE","receivedOn":"%s","text":"来电反映招商项目长期未开工。"%s}""";
        String today = AdjustableClock.current().toLocalDate().toString();
        staff().body(call.formatted(second, today, link("taskId", FIRST_TASK))).when().post("/feedback")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("taskId"));
        staff().body(call.formatted(second, today, link("areaId", FIRST_AREA))).when().post("/feedback")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("areaId"));
        staff().body(call.formatted(second, today, link("areaId", UUID.randomUUID()))).when().post("/feedback")
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", contains("areaId"))
                .body("retryAfterSeconds", equalTo(5));
        staff().body(call.formatted(second, today, link("areaId", SECOND_AREA) + link("taskId", SECOND_OTHER_TASK)))
                .when().post("/feedback").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("taskId"))
                .body("errors[0].message", equalTo("task " + SECOND_OTHER_TASK + " is not under area " + SECOND_AREA
                        + ", it is under area " + SECOND_OTHER_AREA + "; give either, or both of one area"));
        staff().body(call.formatted(first, today, link("areaId", FIRST_AREA) + link("taskId", FIRST_TASK)))
                .when().post("/feedback").then().statusCode(201)
                .body("areaId", equalTo(FIRST_AREA.toString())).body("taskId", equalTo(FIRST_TASK.toString()));
        staff().body(call.formatted(second, today, link("taskId", SECOND_OTHER_TASK))).when().post("/feedback")
                .then().statusCode(201).body("taskId", equalTo(SECOND_OTHER_TASK.toString()))
                .body("areaId", equalTo(SECOND_OTHER_AREA.toString()))
                .body("problemId", equalTo(SECOND_OTHER_PROBLEM.toString()));
    }

    @Test
    void open311RefusesTheOtherInspectionsAreaOrTaskNamingItsAttribute() {
        twoInspectionsSideBySide();
        String key = TestTokens.token("12345-hotline-" + UUID.randomUUID(), Roles.INTEGRATION);
        open311(key, "attribute[area_id]", FIRST_AREA, "开发区企业反映涉企检查过多。")
                .then().statusCode(400).body("[0].code", equalTo(400))
                .body("[0].description", startsWith("attribute[area_id]: "));
        open311(key, "attribute[task_id]", FIRST_TASK, "开发区企业反映涉企检查频繁。")
                .then().statusCode(400).body("[0].description", startsWith("attribute[task_id]: "));
        open311(key, "attribute[task_id]", UUID.randomUUID(), "开发区企业反映涉企检查重复。")
                .then().statusCode(422).body("[0].description", startsWith("attribute[task_id]: "));
        open311(key, "attribute[task_id]", SECOND_TASK, "开发区企业反映涉企检查太多。")
                .then().statusCode(201);
        open311(given().formParam("attribute[area_id]", SECOND_AREA.toString()), key, "attribute[task_id]",
                SECOND_OTHER_TASK, "开发区企业反映涉企检查过频。")
                .then().statusCode(400).body("[0].code", equalTo(400))
                .body("[0].description", startsWith("attribute[task_id]: "));
    }

    private static io.restassured.response.Response open311(String key, String attribute, UUID id, String text) {
        return open311(given(), key, attribute, id, text);
    }

    private static io.restassured.response.Response open311(RequestSpecification request, String key, String attribute,
                                                             UUID id, String text) {
        return request.header("X-Test-Anonymous", "true").header("X-Forwarded-For", Clients.newAddress())
                .contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParam("api_key", key).formParam("service_code", "complaint")
                .formParam("attribute[publication_id]", second).formParam(attribute, id.toString())
                .formParam("description", text)
                .when().post("/open311/v2/requests.json");
    }

    private static RequestSpecification staff() {
        return given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi");
    }
}
