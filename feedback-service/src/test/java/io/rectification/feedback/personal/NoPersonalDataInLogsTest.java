package io.rectification.feedback.personal;

import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Publications;
import io.restassured.http.ContentType;
import io.rectification.platform.testing.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every log line written while personal data passes through intake, lists, reveal and refusals. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class NoPersonalDataInLogsTest {

    static final List<String> SECRETS = List.of("司马光明", "13700001111", "sima.guangming@example.com", "长安街88号");

    final List<String> lines = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    message += " " + parameter;
                }
            }
            if (record.getThrown() != null) {
                message += " " + record.getThrown();
            }
            lines.add(message);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void personalDataNeverReachesALogLine() {
        String publication = Publications.openNow();
        String contact = ",\"name\":\"司马光明\",\"phone\":\"13700001111\",\"email\":\"sima.guangming@example.com\","
                + "\"address\":\"北京市长安街88号\"";
        Clients.citizen().contentType(ContentType.JSON)
                .body("{\"text\":\"请公开整改台账。\"" + contact + "}")
                .when().post("/publications/" + publication + "/feedback").then().statusCode(201);
        // Refused submissions carrying personal data (bad email, control character) are not logged either.
        Clients.citizen().contentType(ContentType.JSON)
                .body("{\"text\":\"请公开\\u0001整改台账。\"" + contact + "}")
                .when().post("/publications/" + publication + "/feedback").then().statusCode(400);
        String id = given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi")
                .body("{\"publicationId\":\"" + publication + "\",\"channel\":\"POST\",\"receivedOn\":\""
                        + AdjustableClock.current().toLocalDate() + "\",\"text\":\"来信内容。\"" + contact + "}")
                .when().post("/feedback").then().statusCode(201).extract().path("id");
        given().queryParam("publicationId", publication).when().get("/feedback").then().statusCode(200);
        given().header("X-Actor", "li.ganshi").header("X-Test-Roles", "feedback-handler,personal-data")
                .when().get("/feedback/" + id + "/submitter").then().statusCode(200);

        // Open311: a request with a name and phone, a refused one (bad email), an api_key that is
        // refused, the search and the XML look-up. The api_key is a credential: never logged either.
        String apiKey = io.rectification.platform.testing.TestTokens.token("log-check-hotline",
                io.rectification.platform.security.Roles.INTEGRATION);
        String open311 = Clients.citizen().header("X-Test-Anonymous", "true")
                .contentType(ContentType.URLENC.withCharset("UTF-8")).formParam("api_key", apiKey).formParam("service_code", "complaint")
                .formParam("attribute[publication_id]", publication).formParam("description", "接口提交的投诉。")
                .formParam("last_name", "司马").formParam("first_name", "光明").formParam("phone", "13700001111")
                .formParam("email", "sima.guangming@example.com")
                .when().post("/open311/v2/requests.json").then().statusCode(201).extract().path("[0].service_request_id");
        Clients.citizen().header("X-Test-Anonymous", "true")
                .contentType(ContentType.URLENC.withCharset("UTF-8")).formParam("api_key", apiKey).formParam("service_code", "complaint")
                .formParam("attribute[publication_id]", publication).formParam("description", "又一条。")
                .formParam("last_name", "司马光明").formParam("phone", "13700001111").formParam("email", "sima.guangming@")
                .when().post("/open311/v2/requests.xml").then().statusCode(400);
        Clients.citizen().header("X-Test-Anonymous", "true")
                .contentType(ContentType.URLENC.withCharset("UTF-8")).formParam("api_key", apiKey + "x").formParam("service_code", "complaint")
                .formParam("attribute[publication_id]", publication).formParam("description", "伪造的密钥。")
                .formParam("phone", "13700001111")
                .when().post("/open311/v2/requests.json").then().statusCode(403);
        given().header("X-Test-Anonymous", "true").queryParam("api_key", apiKey)
                .when().get("/open311/v2/requests.json").then().statusCode(200);
        given().header("X-Test-Anonymous", "true").when().get("/open311/v2/requests/" + open311 + ".xml")
                .then().statusCode(200);

        Logger.getLogger(NoPersonalDataInLogsTest.class.getName()).info("capture works");
        assertTrue(lines.stream().anyMatch(line -> line.contains("capture works")), "the log capture must see log lines");
        for (String line : lines) {
            for (String secret : SECRETS) {
                assertFalse(line.contains(secret), "personal data in a log line: " + line);
            }
            assertFalse(line.contains(apiKey.substring(apiKey.lastIndexOf('.') + 1)), "an api_key in a log line: " + line);
        }
    }
}
