package io.rectification.reporting.report;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A published version never changes (a correction is the next number), so its answers carry a strong
 * ETag and may be cached; a matching If-None-Match gets 304 without a body. A number not published yet
 * is a 404 no cache keeps.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class PublishedVersionCachingTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String STRONG = "\"[0-9a-f]{32}\"";

    @Test
    void aPublishedVersionIsCachedAndRevalidatedByItsETag() {
        Published published = publish();
        String base = "/reports/" + published.inspection() + "/versions/";
        // the publication's answer already carries the HTML's tag, as its GET gives it: the next read may revalidate
        given().header("If-None-Match", published.etag()).when().get(base + "1.html").then().statusCode(304);
        for (String format : new String[]{"html", "md"}) {
            ExtractableResponse<Response> first = given().when().get(base + "1." + format).then().statusCode(200)
                    .header("ETag", matchesPattern(STRONG))
                    .header("Cache-Control", "public, max-age=31536000, immutable")
                    .header("Last-Modified", org.hamcrest.Matchers.notNullValue())
                    .extract();
            String etag = first.header("ETag");
            // asked again, the same tag: the stored text is sent as stored
            given().when().get(base + "1." + format).then().statusCode(200).header("ETag", etag);
            given().header("If-None-Match", etag).when().get(base + "1." + format).then().statusCode(304)
                    .header("ETag", etag).header("Cache-Control", "public, max-age=31536000, immutable")
                    .body(emptyString());
            // the gateway's gzip makes the tag weak on the way out; the browser sends it back so
            given().header("If-None-Match", "W/" + etag).when().get(base + "1." + format).then().statusCode(304);
            given().header("If-None-Match", "\"something-else\"").when().get(base + "1." + format).then()
                    .statusCode(200).header("ETag", etag);
            // without a tag, the publication's time: not modified since then, modified since the day before
            ZonedDateTime modified = ZonedDateTime.parse(first.header("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME);
            given().header("If-Modified-Since", first.header("Last-Modified")).when().get(base + "1." + format)
                    .then().statusCode(304);
            given().header("If-Modified-Since", DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.minusDays(1)))
                    .when().get(base + "1." + format).then().statusCode(200);
            given().header("If-Modified-Since", "not a date").when().get(base + "1." + format).then().statusCode(200);
        }
        String htmlTag = given().when().get(base + "1.html").then().extract().header("ETag");
        String markdownTag = given().when().get(base + "1.md").then().extract().header("ETag");
        assertNotEquals(htmlTag, markdownTag);
        assertEquals(htmlTag, published.etag());

        // the PDF: a strong tag of the bytes laid out, kept a day (a new layout may differ in its bytes)
        ExtractableResponse<Response> pdf = given().when().get(base + "1.pdf").then().statusCode(200)
                .header("ETag", matchesPattern(STRONG)).header("Cache-Control", "public, max-age=86400")
                .extract();
        given().header("If-None-Match", pdf.header("ETag")).when().get(base + "1.pdf").then().statusCode(304)
                .body(emptyString());

        // a number not published yet: a 404 with no caching headers, so it is asked again once published
        // (asked by the public, as the report is read; a signed-in reader's answers all say no-store)
        given().header("X-Test-Anonymous", "true").when().get(base + "2.html").then().statusCode(404)
                .header("ETag", nullValue()).header("Cache-Control", nullValue())
                .body("title", equalTo("Not found"));
        given().when().get(base + "2.html").then().statusCode(404).header("Cache-Control", "no-store");
    }

    /** A published version's inspection, and the ETag the publication answered with. */
    record Published(String inspection, String etag) {
    }

    private static Published publish() {
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID area = plan.registerArea(1, "贯彻落实党中央决策部署和省委要求不到位");
        UUID problem = plan.registerProblem(area, 1, "全力推进实施全面振兴新突破三年行动");
        ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), area, problem, 1, "IN_PROGRESS", "2025-06-30")
                .put("title", "提升主导产业招商质量").put("progressNarrative", "深入开展六大招商行动"), 1);
        UUID publication = plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00");
        String inspection = plan.inspectionId.toString();
        Map<String, Object> draft = Map.of("leadershipResponsibility", "党工委坚决扛起巡视整改主体责任。",
                "nextSteps", "持续巩固整改成果。", "issuer", "中共沈阳高新技术产业开发区工作委员会",
                "issuedOn", "2025-11-06", "publicationId", publication.toString());
        await().atMost(WAIT).untilAsserted(() -> DraftSaves.save(inspection, draft).statusCode(200));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/checks")
                .then().statusCode(200).body("publishable", equalTo(true)));
        String etag = DraftSaves.publishing(inspection).when().post("/reports/" + inspection + "/versions").then()
                .statusCode(201).header("ETag", matchesPattern(STRONG)).extract().header("ETag");
        return new Published(inspection, etag);
    }
}
