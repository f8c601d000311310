package io.rectification.feedback.publication;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Ledger;
import io.rectification.feedback.Publications;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Two inspections side by side, the second's publication titled in words that do not name its team: the form's
 * reading of a publication and the tracking page say which inspection it is, from the ledger (tasks-service's
 * title), and the tracking page which publication the feedback was submitted on.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class InspectionNamedTest {

    static final String FIRST_TITLE = "省委第七巡视组专项巡视沈阳高新区";
    static final String SECOND_TITLE = "省委第三巡视组常规巡视沈阳高新区管委会";
    static final String SECOND_PUBLICATION = "沈阳高新区关于巡视整改进展情况的通报";

    @Test
    void theFormAndTheTrackingPageNameTheInspectionAndThePublication() {
        LocalDateTime now = AdjustableClock.current().toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Ledger.inspection(first, FIRST_TITLE);
        Ledger.inspection(second, SECOND_TITLE);
        Publications.create(Publications.json(first, now.minusDays(1), now.plusDays(1), null));
        String publication = Publications.create(Publications.json(second, now.minusDays(1), now.plusDays(1), null)
                .replace(Publications.TITLE, SECOND_PUBLICATION));

        given().when().get("/publications/" + publication).then().statusCode(200)
                .body("title", equalTo(SECOND_PUBLICATION)).body("inspectionTitle", equalTo(SECOND_TITLE));
        given().queryParam("inspectionId", second).when().get("/publications").then().statusCode(200)
                .body("items.inspectionTitle", contains(SECOND_TITLE));

        String code = Clients.citizen().contentType(ContentType.JSON)
                .body("{\"text\":\"建议公开招商项目履约情况。\",\"name\":\"张三\"}")
                .when().post("/publications/" + publication + "/feedback")
                .then().statusCode(201).extract().path("trackingCode");
        String tracked = Clients.citizen().when().get("/feedback/track/" + code).then().statusCode(200)
                .body("publicationTitle", equalTo(SECOND_PUBLICATION))
                .body("inspectionTitle", equalTo(SECOND_TITLE)).extract().asString();
        assertFalse(tracked.contains("张三"), "never the submitter's details: " + tracked);
    }
}
