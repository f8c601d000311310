package io.rectification.reporting.report;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * A publish names the draft that was reviewed (integrity review M2: coordinator A reviewed draft "0",
 * colleague B saved "1", and A's publish put B's unreviewed text into a version nobody can take back).
 * The preview names the draft it shows (Draft-ETag), so what was read is what is published.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ReportPublishReviewedDraftTest {

    private static final String UNREVIEWED = "乙未经审核改写的下一步：全部问题已整改完毕。";

    @Test
    void aSaveAfterTheReviewIsNotPublishedUntilItIsReadItself() {
        ReportFiguresTest.Ledger ledger = new ReportFiguresTest.Ledger();
        String report = "/reports/" + ledger.plan.inspectionId;
        ledger.draft(Map.of("totalsExplanation", "其余问题已即知即改"));
        await().atMost(ReportFiguresTest.WAIT).untilAsserted(() -> given().when().get(report + "/checks")
                .then().statusCode(200).body("publishable", equalTo(true)));

        // A reviews the preview, in each of its forms: each names the draft it shows
        for (String preview : new String[]{"/preview.html", "/preview.md", "/preview.pdf"}) {
            given().header("X-Actor", "office-wang").when().get(report + preview).then().statusCode(200)
                    .header("Draft-ETag", "\"0\"");
        }

        // B saves a change A has not read
        ledger.draft(Map.of("totalsExplanation", "其余问题已即知即改", "nextSteps", UNREVIEWED));

        given().header("X-Actor", "office-wang").when().post(report + "/versions").then().statusCode(428)
                .contentType("application/problem+json").body("detail", containsString("If-Match"));
        given().header("X-Actor", "office-wang").header("If-Match", "\"0\"").when().post(report + "/versions")
                .then().statusCode(412).contentType("application/problem+json").body("currentVersion", equalTo(1));
        for (String never : new String[]{"0", "\"7\"", "\"0\", \"1\""}) {
            given().header("X-Actor", "office-wang").header("If-Match", never).when().post(report + "/versions")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("If-Match"));
        }
        given().when().get(report + "/versions").then().statusCode(200).body("size()", equalTo(0));

        // A reads B's text in the preview, which now names draft 1, and publishes what was read
        String reread = given().header("X-Actor", "office-wang").when().get(report + "/preview.md").then()
                .statusCode(200).body(containsString(UNREVIEWED)).extract().header("Draft-ETag");
        given().header("X-Actor", "office-wang").header("If-Match", reread).when().post(report + "/versions")
                .then().statusCode(201).body("number", equalTo(1));
        given().when().get(report + "/versions/1.md").then().statusCode(200).body(containsString(UNREVIEWED))
                .body(not(containsString("预览提示")));
    }
}
