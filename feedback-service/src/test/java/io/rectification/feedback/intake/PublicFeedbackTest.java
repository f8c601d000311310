package io.rectification.feedback.intake;

import io.rectification.feedback.language.Language;
import io.rectification.platform.testing.EventCatalogue;
import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Ledger;
import io.rectification.feedback.Publications;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class PublicFeedbackTest {

    static final EventCatalogue EVENTS = EventCatalogue.of("feedback-events.yaml");

    static final String CODE = "[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}";

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void releaseClock() {
        AdjustableClock.release();
    }

    static RequestSpecification asPublic(String client) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client);
    }

    static String submission(String text) {
        return "{\"text\":" + io.rectification.platform.testing.EventProbe.toJson(text) + "}";
    }

    @Test
    void anonymousSubmissionGetsATrackingCodeAndIsPublishedWithoutItsText() {
        String publication = Publications.openNow();
        try (EventProbe probe = EventProbe.on(EventTopics.FEEDBACK)) {
            String code = asPublic(Clients.newAddress()).body(submission("建议在高新区政务服务中心增设夜间窗口。"))
                    .when().post("/publications/" + publication + "/feedback")
                    .then().statusCode(201)
                    .body("trackingCode", matchesPattern(CODE))
                    .body("replyDueDate", notNullValue())
                    .extract().path("trackingCode");

            Clients.citizen().when().get("/feedback/track/" + code)
                    .then().statusCode(200)
                    .body("status", equalTo("RECEIVED"))
                    .body("answer", nullValue())
                    .body("text", nullValue())
                    .body("trackingCode", equalTo(code));
            // Typed without dashes, in lower case: still found.
            Clients.citizen().when().get("/feedback/track/" + code.replace("-", "").toLowerCase())
                    .then().statusCode(200).body("trackingCode", equalTo(code));

            EventEnvelope event = probe.await(e -> "FeedbackReceived".equals(e.type())
                    && publication.equals(e.data().path("feedback").path("publicationId").asText()), Duration.ofSeconds(30));
            assertEquals("WEB", event.data().path("feedback").path("channel").asText());
            assertTrue(event.data().path("feedback").path("anonymous").asBoolean());
            assertFalse(event.toString().contains("夜间窗口"), "the submitter's text must not travel in events");
            EVENTS.assertPublished(probe.record(event));
        }
    }

    @Test
    void contactDetailsAreStoredEncryptedAndTextExactlyAsSent() throws Exception {
        String publication = Publications.openNow();
        String text = "  <script>alert('x')</script>\n关于“营商环境”的意见：\t请公开办理时限。  ";
        String code = asPublic(Clients.newAddress())
                .body("{\"text\":" + EventProbe.toJson(text) + ",\"name\":\"张三\",\"phone\":\"13812345678\","
                        + "\"email\":\"zhangsan@example.com\",\"address\":\"沈阳市浑南区世纪路1号\"}")
                .when().post("/publications/" + publication + "/feedback")
                .then().statusCode(201)
                .extract().path("trackingCode");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT text, anonymous, name_sealed, phone_sealed, email_sealed, address_sealed, client_key "
                             + "FROM feedback WHERE tracking_code = ?")) {
            query.setString(1, code.replace("-", ""));
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertEquals(text, row.getString("text"));
                assertFalse(row.getBoolean("anonymous"));
                assertSealed(row.getBytes("name_sealed"), "张三");
                assertSealed(row.getBytes("phone_sealed"), "13812345678");
                assertSealed(row.getBytes("email_sealed"), "zhangsan@example.com");
                assertSealed(row.getBytes("address_sealed"), "沈阳市浑南区");
                assertFalse(row.getString("client_key").startsWith("10."), "the client's address is kept only as a pseudonym");
            }
        }
    }

    private static void assertSealed(byte[] stored, String plain) {
        assertTrue(stored != null && stored.length > 12 + 16, "a sealed value has a nonce and a tag");
        String asText = new String(stored, StandardCharsets.UTF_8) + new String(stored, StandardCharsets.ISO_8859_1);
        assertFalse(asText.contains(plain), "stored in clear: " + plain);
        assertFalse(java.util.Arrays.equals(stored, plain.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theFirstAndLastSecondOfTheWindowAreInsideAndOneSecondOutsideIsNot() {
        String publication = Publications.create(Publications.json(UUID.randomUUID(),
                LocalDateTime.parse("2025-11-06T00:00:00"), LocalDateTime.parse("2025-11-13T23:59:59"), null));
        String url = "/publications/" + publication + "/feedback";

        AdjustableClock.pinAt(Instant.parse("2025-11-05T16:00:00Z")); // 2025-11-06 00:00:00 in Shanghai
        asPublic(Clients.newAddress()).body(submission("第一秒提交的意见")).when().post(url).then().statusCode(201);
        AdjustableClock.pinAt(Instant.parse("2025-11-13T15:59:59.999Z")); // 23:59:59.999 on the last day
        asPublic(Clients.newAddress()).body(submission("最后一秒提交的意见")).when().post(url).then().statusCode(201);

        AdjustableClock.pinAt(Instant.parse("2025-11-05T15:59:59Z"));
        asPublic(Clients.newAddress()).body(submission("早了一秒的意见")).when().post(url)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("不在受理期限内"))
                .body("detail", containsString("2025年11月6日 00:00至2025年11月13日 23:59（北京时间）"))
                .body("detail", containsString("尚未开始受理"))
                .body("windowStart", equalTo("2025-11-06T00:00:00+08:00"));
        AdjustableClock.pinAt(Instant.parse("2025-11-13T16:00:00Z"));
        asPublic(Clients.newAddress()).header("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5")
                .body(submission("晚了一秒的意见")).when().post(url)
                .then().statusCode(409)
                .body("title", equalTo("Outside the disclosure window"))
                .body("detail", containsString("that time is over"))
                .body("detail", containsString("2025-11-13 23:59:59"));
    }

    @Test
    void aWindowInAnotherZoneIsJudgedInThatZone() {
        // 2025-11-06 00:00 to 23:59:59 in Berlin (UTC+1) is 07:00 that day to 06:59:59 the next in Shanghai.
        String publication = Publications.create(Publications.json(UUID.randomUUID(),
                LocalDateTime.parse("2025-11-06T00:00:00"), LocalDateTime.parse("2025-11-06T23:59:59"), "Europe/Berlin"));
        String url = "/publications/" + publication + "/feedback";
        AdjustableClock.pinAt(Instant.parse("2025-11-05T23:00:00Z"));
        asPublic(Clients.newAddress()).body(submission("柏林时间零点")).when().post(url).then().statusCode(201);
        AdjustableClock.pinAt(Instant.parse("2025-11-05T22:59:59Z"));
        asPublic(Clients.newAddress()).body(submission("柏林时间前一日")).when().post(url)
                .then().statusCode(409)
                .body("detail", containsString("2025年11月6日 00:00至2025年11月6日 23:59（Europe/Berlin）"));
    }

    @Test
    void unknownPublicationIs404InChinese() {
        asPublic(Clients.newAddress()).body(submission("意见")).when().post("/publications/" + UUID.randomUUID() + "/feedback")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("未找到该公布"));
    }

    @Test
    void badFieldsAreNamedInTheSubmittersLanguage() {
        String url = "/publications/" + Publications.openNow() + "/feedback";
        asPublic(Clients.newAddress()).body("{\"text\":\"意见\",\"name\":\"张\\u0007三\"}").when().post(url)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("控制字符"));
        asPublic(Clients.newAddress()).header("Accept-Language", "en").body("{\"text\":\"a\\u0000b\"}").when().post(url)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("text"))
                .body("errors[0].message", containsString("control characters"));
        asPublic(Clients.newAddress()).body(submission("长".repeat(4001))).when().post(url)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("text"))
                .body("errors[0].message", containsString("4000"));
        asPublic(Clients.newAddress()).body(submission("长".repeat(4000))).when().post(url)
                .then().statusCode(201);
        asPublic(Clients.newAddress()).body("{\"text\":\"  \",\"phone\":\"call me\",\"email\":\"nobody\"}").when().post(url)
                .then().statusCode(400)
                .body("errors.field", hasItem("text"))
                .body("errors.field", hasItem("phone"))
                .body("errors.field", hasItem("email"));
        asPublic(Clients.newAddress()).body("{\"text\":\"意见\",\"areaId\":\"not-a-uuid\"}").when().post(url)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("areaId"))
                .body("errors[0].message", equalTo("格式不正确。"));
        asPublic(Clients.newAddress()).body("{\"text\":\"意见\",\"category\":\"PRAISE\"}").when().post(url)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].message", equalTo("格式不正确。"));
        asPublic(Clients.newAddress()).body("{\"text\":\"意见\",\"idCard\":\"110101199003070000\"}").when().post(url)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("idCard"));
        asPublic(Clients.newAddress()).body("{\"text\":").when().post(url)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].message", equalTo("请求内容不是有效的 JSON。"))
                .body("detail", equalTo("请检查标出的内容后重新提交。 请求内容不是有效的 JSON。"));
        asPublic(Clients.newAddress()).body("[\"意见\"]").when().post(url)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(""))
                .body("errors[0].message", equalTo("请求内容应为一个 JSON 对象（{…}）。"));
        asPublic(Clients.newAddress()).header("Accept-Language", "en").body("").when().post(url)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", equalTo("The request has no body."));
    }

    @Test
    void aTextOfOnlyFullWidthNoBreakOrZeroWidthSpacesIsBlank() {
        String url = "/publications/" + Publications.openNow() + "/feedback";
        for (String blank : List.of("\u3000\u3000\u00a0\t\n", "\u200b\u200c\u200d\u2060\ufeff", "\u3000\u200b\u00a0")) {
            asPublic(Clients.newAddress()).body(submission(blank)).when().post(url)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("text"))
                    .body("errors[0].message", equalTo("请填写此项。"));
        }
        // a text with something to say keeps its spaces as sent
        asPublic(Clients.newAddress()).body(submission("\u3000\u3000路灯不亮\u00a0")).when().post(url)
                .then().statusCode(201);
        // a contact field of blanks is no contact, not a phone number that is not one
        asPublic(Clients.newAddress()).body("{\"text\":\"路灯不亮两周\",\"phone\":\"\\u00a0\\u3000\",\"name\":\"\\u200b\"}")
                .when().post(url).then().statusCode(201);
    }

    @Test
    void aPublicationIdThatIsNotOneIsRefusedInTheSubmittersLanguage() {
        asPublic(Clients.newAddress()).body(submission("意见")).when().post("/publications/not-a-uuid/feedback")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("提交内容有误"))
                .body("errors.field", contains("id"))
                .body("errors[0].message", equalTo("不是有效的编号，请检查链接是否完整。"));
        given().when().get("/publications/not-a-uuid").then().statusCode(400)
                .body("errors[0].message", equalTo("不是有效的编号，请检查链接是否完整。"));
        given().when().get("/publications/not-a-uuid/form-choices").then().statusCode(400)
                .body("errors.field", contains("id"))
                .body("detail", containsString("不是有效的编号"));
        asPublic(Clients.newAddress()).header("Accept-Language", "en").body(submission("opinion"))
                .when().post("/publications/not-a-uuid/feedback")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("id"))
                .body("errors[0].message", equalTo("is not an id (a UUID)"));
        // staff's endpoints keep the platform's answer
        given().header("X-Actor", "wang.kezhang").when().get("/feedback/not-a-uuid").then().statusCode(400)
                .body("errors[0].field", equalTo("id"))
                .body("errors[0].message", containsString("is not an id (a UUID)"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        String url = "/publications/" + Publications.openNow() + "/feedback";
        asPublic(Clients.newAddress()).body(submission("大".repeat(60_000))).when().post(url)
                .then().statusCode(413).contentType("application/problem+json")
                .body("title", equalTo("请求内容过大"))
                .body("maxBytes", equalTo(128 * 1024));
        asPublic(Clients.newAddress()).header("Accept-Language", "en-GB,zh;q=0.5")
                .body(submission("大".repeat(60_000))).when().post(url)
                .then().statusCode(413).body("title", equalTo("Request body too large"));
    }

    @Test
    void honeypotFilledIsRefused() {
        String url = "/publications/" + Publications.openNow() + "/feedback";
        asPublic(Clients.newAddress()).body("{\"text\":\"便宜发票\",\"website\":\"http://spam.example\"}").when().post(url)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("website"));
    }

    static String submission(String text, String submissionKey) {
        return "{\"text\":" + EventProbe.toJson(text) + ",\"submissionKey\":\"" + submissionKey + "\"}";
    }

    /** A key as the form draws it: 128 random bits, base64url without padding (22 characters). */
    static String newSubmissionKey() {
        byte[] bits = new byte[16];
        new java.security.SecureRandom().nextBytes(bits);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /**
     * The form that sent a text (its submission key) is told the earlier code again: a double click,
     * or an answer lost on the way. Anyone else from the same address (one NAT: an office, a
     * carrier) sending the same text is refused too, but never given that code: it is the only
     * credential to follow the earlier submission, and for a 举报 would confirm it was sent.
     */
    @Test
    void sameTextAgainFromTheSameFormPointsToTheEarlierCodeAndFromAnyoneElseDoesNot() {
        String publication = Publications.openNow();
        String url = "/publications/" + publication + "/feedback";
        String client = Clients.newAddress();
        String key = newSubmissionKey();
        String first = asPublic(client).body(submission("请加快拖欠账款清偿进度。", key)).when().post(url)
                .then().statusCode(201).extract().path("trackingCode");
        asPublic(client).body(submission("  请加快拖欠账款清偿进度！ ", key)).when().post(url)
                .then().statusCode(409)
                .body("earlierTrackingCode", equalTo(first))
                .body("detail", containsString(first));

        // Someone else behind the same address: without a key, or with their own.
        for (String other : new String[]{submission("请加快拖欠账款清偿进度"),
                submission("请加快拖欠账款清偿进度。", newSubmissionKey())}) {
            asPublic(client).body(other).when().post(url)
                    .then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("title", equalTo("重复提交"))
                    .body("detail", equalTo("相同内容已于近期收到，无需重复提交；请使用提交成功时获得的查询码查询办理进度。"))
                    .body("earlierTrackingCode", nullValue())
                    .body(not(containsString(first)))
                    .body(not(containsString(first.replace("-", ""))));
        }
        asPublic(client).header("Accept-Language", "en").body(submission("请加快拖欠账款清偿进度。")).when().post(url)
                .then().statusCode(409)
                .body("title", equalTo("Duplicate submission"))
                .body("detail", not(containsString(first)))
                .body("earlierTrackingCode", nullValue());
        assertEquals(1, given().header("X-Actor", "li.ganshi").queryParam("publicationId", publication)
                .when().get("/feedback").then().statusCode(200).extract().jsonPath().getList("items").size(),
                "nothing is stored twice");

        // Another member of the public, from another address, may say the same thing.
        asPublic(Clients.newAddress()).body(submission("请加快拖欠账款清偿进度。")).when().post(url)
                .then().statusCode(201).body("trackingCode", not(equalTo(first)));
    }

    /**
     * A phone that switches networks (Wi-Fi to mobile data) after its answer was lost resends the
     * same text with the same key from another address: that is the same submission, refused 409
     * with its code, not stored a second time. The key belongs to one text: the same key with
     * another text is a new submission, and the same text from another address without the key
     * is someone else's.
     */
    @Test
    void theSameFormResentFromAnotherNetworkIsTheEarlierSubmission() {
        String publication = Publications.openNow();
        String url = "/publications/" + publication + "/feedback";
        String key = newSubmissionKey();
        String first = asPublic(Clients.newAddress()).body(submission("请公布老旧小区改造资金的使用情况。", key)).when().post(url)
                .then().statusCode(201).extract().path("trackingCode");

        asPublic(Clients.newAddress()).body(submission("请公布老旧小区改造资金的使用情况", key)).when().post(url)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("重复提交"))
                .body("earlierTrackingCode", equalTo(first))
                .body("detail", containsString(first));
        asPublic(Clients.newAddress()).header("Accept-Language", "en")
                .body(submission("请公布老旧小区改造资金的使用情况。", key)).when().post(url)
                .then().statusCode(409)
                .body("title", equalTo("Duplicate submission"))
                .body("earlierTrackingCode", equalTo(first));
        assertEquals(1, storedIn(publication), "nothing is stored twice");

        asPublic(Clients.newAddress()).body(submission("请公布老旧小区改造资金的使用情况。")).when().post(url)
                .then().statusCode(201);
        asPublic(Clients.newAddress()).body(submission("另一条意见：请公布加装电梯的补贴标准。", key)).when().post(url)
                .then().statusCode(201);
        assertEquals(3, storedIn(publication));
    }

    /** The duplicate window holds for the key as for the address: after it, the same text is a new submission. */
    @Test
    void theSameFormResentFromAnotherNetworkAfterTheWindowIsStored() {
        String url = "/publications/" + Publications.create(Publications.json(UUID.randomUUID(),
                LocalDateTime.parse("2025-11-06T00:00:00"), LocalDateTime.parse("2025-11-13T23:59:59"), null)) + "/feedback";
        String key = newSubmissionKey();
        AdjustableClock.pinAt(Instant.parse("2025-11-07T02:00:00Z"));
        asPublic(Clients.newAddress()).body(submission("请公开停车收费标准。", key)).when().post(url)
                .then().statusCode(201);
        AdjustableClock.pinAt(Instant.parse("2025-11-07T02:29:59Z")); // within the 30 minutes
        asPublic(Clients.newAddress()).body(submission("请公开停车收费标准。", key)).when().post(url)
                .then().statusCode(409);
        AdjustableClock.pinAt(Instant.parse("2025-11-07T02:30:01Z"));
        asPublic(Clients.newAddress()).body(submission("请公开停车收费标准。", key)).when().post(url)
                .then().statusCode(201);
    }

    /**
     * Decided: a measure the office cancelled (撤销) after the form was loaded is kept as the submitter chose it,
     * not refused (the citizen's submission is not lost to the office's correction): staff see it marked
     * (linkCancelledAt), to link it anew, and the tracking page says so (linkNotice). Staff intake the same.
     */
    @Test
    void aMeasureCancelledSinceTheFormWasLoadedIsKeptAndMarked() {
        LocalDateTime now = AdjustableClock.current().toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
        UUID inspection = UUID.randomUUID();
        String publication = Publications.create(Publications.json(inspection, now.minusDays(2), now.plusHours(1), null));
        UUID area = UUID.randomUUID();
        UUID problem = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        Ledger.area(inspection, area, 1, "落实全面从严治党不到位");
        Ledger.problem(inspection, area, problem, 1, "招商项目跟踪不到位", "PLAN", null, 0, 0);
        Ledger.task(inspection, area, problem, task, 1, "建立招商项目全周期跟踪服务机制", "IN_PROGRESS", 40, 0);
        Ledger.cancelTask(inspection, area, problem, task, 1, "建立招商项目全周期跟踪服务机制", 1);
        String link = ",\"areaId\":\"" + area + "\",\"taskId\":\"" + task + "\"}";
        String staffBody = """
                {"publicationId":"%s","channel":"PHONE","receivedOn":"%s","text":"来电反映招商项目长期未开工。"%s"""
                .formatted(publication, now.toLocalDate().minusDays(1), link);
        // staff intake answers the feedback as kept, marked once tasks-service's cancellation is read here (before
        // the area and task are read, 422: intake takes only parts known to be the publication's inspection's)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var answer = given().contentType(ContentType.JSON).header("X-Actor", "li.ganshi").body(staffBody)
                    .when().post("/feedback");
            return answer.statusCode() == 201 && answer.path("linkCancelledAt") != null;
        });

        String code = asPublic(Clients.newAddress()).body(submission("建议加快推进签约项目开工。").replaceFirst("}$", link))
                .when().post("/publications/" + publication + "/feedback")
                .then().statusCode(201).extract().path("trackingCode");

        List<Map<String, Object>> stored = given().header("X-Actor", "li.ganshi").queryParam("publicationId", publication)
                .when().get("/feedback").then().statusCode(200)
                .extract().jsonPath().getList("items");
        Map<String, Object> submitted = stored.stream().filter(f -> code.equals(f.get("trackingCode"))).findFirst()
                .orElseThrow();
        assertEquals(task.toString(), submitted.get("taskId"));
        assertEquals(Instant.parse("2025-11-10T01:00:00Z"), OffsetDateTime.parse((String) submitted.get("linkCancelledAt"))
                .toInstant());
        Clients.citizen().when().get("/feedback/track/" + code).then().statusCode(200)
                .body("linkNotice", equalTo("您的意见建议所关联的整改事项因录入有误，已从整改台账中撤销；您的意见建议仍在办理中，将重新研判。"));
    }

    private static int storedIn(String publication) {
        return given().header("X-Actor", "li.ganshi").queryParam("publicationId", publication)
                .when().get("/feedback").then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    /** Without a key, a duplicate gets no code either: the address alone says nothing of who sent it. */
    @Test
    void sameTextAgainWithoutAKeyIsRefusedWithoutTheCode() {
        String url = "/publications/" + Publications.openNow() + "/feedback";
        String client = Clients.newAddress();
        String first = asPublic(client).body(submission("请公开开发区债务化解进度。")).when().post(url)
                .then().statusCode(201).extract().path("trackingCode");
        asPublic(client).body(submission("请公开开发区债务化解进度。")).when().post(url)
                .then().statusCode(409)
                .body("earlierTrackingCode", nullValue())
                .body(not(containsString(first)));
    }

    @Test
    void aMalformedSubmissionKeyIs400NamingIt() {
        String url = "/publications/" + Publications.openNow() + "/feedback";
        for (String key : new String[]{"short", "a".repeat(65), "has spaces in it, not base64url!", "x".repeat(21) + "=",
                "中文中文中文中文中文中文中文中文中文中文中文中文"}) {
            asPublic(Clients.newAddress()).body(submission("建议公开项目清单。", key)).when().post(url)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("submissionKey"));
        }
        asPublic(Clients.newAddress()).body("{\"text\":\"建议公开项目清单。\",\"submissionKey\":5}").when().post(url)
                .then().statusCode(400).body("errors[0].field", equalTo("submissionKey"));
        asPublic(Clients.newAddress()).body(submission("建议公开项目清单。", "A".repeat(22))).when().post(url)
                .then().statusCode(201);
        asPublic(Clients.newAddress()).body(submission("建议公开项目清单。", "a-_9".repeat(16))).when().post(url)
                .then().statusCode(201);
    }

    @Test
    void tooManySubmissionsFromOneClientGet429WithRetryAfter() {
        String client = Clients.newAddress();
        String url = "/publications/" + UUID.randomUUID() + "/feedback";
        int limit = 20; // feedback.public.rate-limit.submissions in the test profile
        for (int i = 0; i < limit; i++) {
            asPublic(client).body(submission("意见" + i)).when().post(url).then().statusCode(404);
        }
        asPublic(client).body(submission("再一次")).when().post(url)
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("title", equalTo("操作过于频繁"));
        asPublic(Clients.newAddress()).body(submission("别人")).when().post(url).then().statusCode(404);
    }

    @Test
    void tooManyLookupsFromOneClientGet429() {
        String client = Clients.newAddress();
        int limit = 60; // feedback.public.rate-limit.lookups
        for (int i = 0; i < limit; i++) {
            given().header("X-Forwarded-For", client).when().get("/feedback/track/2222-3333-4444-5555")
                    .then().statusCode(404);
        }
        given().header("X-Forwarded-For", client).header("Accept-Language", "en")
                .when().get("/feedback/track/2222-3333-4444-5555")
                .then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body("title", equalTo("Too many requests"));
    }

    @Test
    void trackingCodeThatCannotExistIs400AndUnknownIs404() {
        Clients.citizen().when().get("/feedback/track/abc").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        Clients.citizen().when().get("/feedback/track/2222-3333-4444-5555").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
