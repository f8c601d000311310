package io.rectification.reporting.report;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Without its CJK font the service makes no PDF of empty boxes: it answers 503 naming the font. */
@QuarkusTest
@TestProfile(ReportPdfWithoutFontTest.FontMissing.class)
@ExtendWith(StaffTokens.class)
class ReportPdfWithoutFontTest {

    static final String MISSING = "/nonexistent/fonts/wqy-microhei.ttc";

    public static class FontMissing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("reporting.report.pdf-font", MISSING);
        }
    }

    @Test
    void pdfIsRefusedNamingTheMissingFont() {
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        String inspection = plan.inspectionId.toString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when()
                .get("/reports/" + inspection + "/preview.html").then().statusCode(200));

        given().when().get("/reports/" + inspection + "/preview.pdf")
                .then().statusCode(503).contentType("application/problem+json")
                .body("title", equalTo("PDF font missing"))
                .body("font", equalTo(MISSING))
                .body("detail", containsString("fonts-wqy-microhei"));
        // the other forms still answer
        given().when().get("/reports/" + inspection + "/preview.md").then().statusCode(200);
    }
}
