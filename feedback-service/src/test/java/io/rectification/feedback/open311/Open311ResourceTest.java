package io.rectification.feedback.open311;

import io.rectification.platform.testing.EventCatalogue;
import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Publications;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class Open311ResourceTest {

    static final EventCatalogue EVENTS = EventCatalogue.of("feedback-events.yaml");

    static RequestSpecification client() {
        return given().contentType(ContentType.URLENC).header("X-Forwarded-For", Clients.newAddress());
    }

    @Test
    void servicesAreTheFeedbackCategories() {
        given().when().get("/open311/v2/services.json")
                .then().statusCode(200)
                .body("service_code", hasItems("opinion", "suggestion", "complaint", "misconduct_report"))
                .body("find { it.service_code == 'complaint' }.service_name", equalTo("投诉"))
                .body("[0].type", equalTo("realtime"));
        given().when().get("/open311/v2/services/complaint.json")
                .then().statusCode(200)
                .body("attributes.code", hasItems("publication_id", "area_id", "task_id"));
        given().when().get("/open311/v2/services/pothole.json")
                .then().statusCode(404)
                .body("[0].code", equalTo(404));
    }

    @Test
    void aRequestPostedFormEncodedCanBeFollowedByIdAndToken() {
        String publication = Publications.openNow();
        try (EventProbe probe = EventProbe.on(EventTopics.FEEDBACK)) {
            String id = client()
                    .formParam("service_code", "complaint")
                    .formParam("attribute[publication_id]", publication)
                    .formParam("description", "开发区企业反映涉企检查过多。")
                    .formParam("first_name", "三").formParam("last_name", "张")
                    .formParam("phone", "13812345678")
                    .when().post("/open311/v2/requests.json")
                    .then().statusCode(201)
                    .body("[0].service_request_id", matchesPattern("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}"))
                    .extract().path("[0].service_request_id");

            given().when().get("/open311/v2/requests/" + id + ".json")
                    .then().statusCode(200)
                    .body("[0].service_request_id", equalTo(id))
                    .body("[0].status", equalTo("open"))
                    .body("[0].service_code", equalTo("complaint"))
                    .body("[0]", hasKey("expected_datetime"))
                    .body("[0]", not(hasKey("description")))
                    .body(not(containsString("13812345678")));
            given().when().get("/open311/v2/tokens/" + id + ".json")
                    .then().statusCode(200)
                    .body("[0].service_request_id", equalTo(id));

            EventEnvelope event = probe.await(e -> "FeedbackReceived".equals(e.type())
                    && publication.equals(e.data().path("feedback").path("publicationId").asText()), Duration.ofSeconds(30));
            assertEquals("API", event.data().path("feedback").path("channel").asText());
            assertEquals("COMPLAINT", event.data().path("feedback").path("category").asText());
            EVENTS.assertMatches(event);
        }
    }

    @Test
    void errorsAreGeoReportErrors() {
        client().formParam("service_code", "pothole").formParam("attribute[publication_id]", UUID.randomUUID().toString())
                .formParam("description", "x")
                .when().post("/open311/v2/requests.json")
                .then().statusCode(400)
                .body("[0].code", equalTo(400))
                .body("[0].description", containsString("service_code"));
        client().formParam("service_code", "opinion").formParam("description", "意见")
                .when().post("/open311/v2/requests.json")
                .then().statusCode(400)
                .body("[0].description", containsString("attribute[publication_id]"));
        client().formParam("service_code", "opinion").formParam("attribute[publication_id]", UUID.randomUUID().toString())
                .formParam("description", "意见")
                .when().post("/open311/v2/requests.json")
                .then().statusCode(404);
        client().header("Accept-Language", "en").formParam("service_code", "opinion")
                .formParam("attribute[publication_id]", Publications.openNow())
                .formParam("description", "x".repeat(4001))
                .when().post("/open311/v2/requests.json")
                .then().statusCode(400)
                .body("[0].description", containsString("description: must be at most 4000"));
        given().when().get("/open311/v2/requests/2222-3333-4444-5555.json")
                .then().statusCode(404)
                .body("[0].code", equalTo(404));
    }
}
