package io.rectification.feedback;

import io.rectification.platform.testing.AdjustableClock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Creates publications for tests, with windows placed around "now" in the organisation's zone. */
public final class Publications {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The title {@link #json} gives every publication; tests that need their own replace it. */
    public static final String TITLE = "关于省委第七巡视组专项巡视沈阳高新区整改进展情况的通报";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private Publications() {
    }

    public static String json(UUID inspectionId, LocalDateTime start, LocalDateTime end, String zone) {
        return """
                {"inspectionId":"%s","title":"关于省委第七巡视组专项巡视沈阳高新区整改进展情况的通报",
                 "body":"根据省委巡视工作统一部署，现将整改进展情况予以公布。",
                 "windowStart":"%s","windowEnd":"%s"%s,
                 "channels":{"phone":"024-12345678","phoneHours":"工作日 9:00-17:30",
                   "postalAddress":"沈阳市浑南区世纪路1号","postalCode":"110179","email":"zhenggai@example.gov.cn"}}"""
                .formatted(inspectionId, LOCAL.format(start), LOCAL.format(end),
                        zone == null ? "" : ",\"timeZone\":\"" + zone + "\"");
    }

    /** A publication open from an hour ago to an hour from now on the services' clock (Asia/Shanghai); returns its id. */
    public static String openNow() {
        LocalDateTime now = AdjustableClock.current().toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
        return create(json(UUID.randomUUID(), now.minusHours(1), now.plusHours(1), null));
    }

    /**
     * Creates the publication, its inspection first announced by tasks-service (through Kafka, see
     * {@link Ledger}): until feedback-service has read it the answer is 422, so this retries.
     */
    public static String create(String json) {
        return post(given(), json).then().statusCode(201).extract().path("id");
    }

    /**
     * POST /publications once feedback-service knows the body's inspection: announces it (once) and
     * sends again while the answer is 422 (not read from Kafka yet). Answers the first other answer.
     */
    public static Response post(RequestSpecification request, String json) {
        Matcher inspection = INSPECTION.matcher(json);
        if (inspection.find()) {
            Ledger.inspection(UUID.fromString(inspection.group(1)));
        }
        Response[] answer = new Response[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            answer[0] = request.contentType(ContentType.JSON).body(json).when().post("/publications");
            return answer[0].statusCode() != 422;
        });
        return answer[0];
    }

    private static final Pattern INSPECTION = Pattern.compile("\"inspectionId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
}
