package io.rectification.feedback.handling;

import io.rectification.platform.testing.EventCatalogue;
import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Ledger;
import io.rectification.feedback.Publications;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.rectification.platform.testing.PinnedClock;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class StaffFeedbackTest {

    /** 00:10 on 1 March in Shanghai (still 28 February in UTC): yesterday was a month's last day. */
    @RegisterExtension
    static final PinnedClock CLOCK = PinnedClock.runningFrom("2026-02-28T16:10:00Z");

    static final EventCatalogue EVENTS = EventCatalogue.of("feedback-events.yaml");

    static final String NAME = "欧阳娜娜";
    static final String PHONE = "13912345678";
    static final String EMAIL = "ouyang.nana@example.com";
    static final String ADDRESS = "沈阳市和平区南京北街99号";
    static final String TEXT = "反映某街道办事处窗口工作人员办事拖延的问题。";

    static RequestSpecification asStaff(String actor) {
        return given().contentType(ContentType.JSON).header("X-Actor", actor);
    }

    static String phoneCall(String publication, String text) {
        return """
                {"publicationId":"%s","channel":"PHONE","receivedOn":"%s","receiptNumber":"DH-2025-0031",
                 "text":%s,"name":"%s","phone":"%s","email":"%s","address":"%s"}"""
                .formatted(publication, CLOCK.today(), EventProbe.toJson(text), NAME, PHONE,
                        EMAIL, ADDRESS);
    }

    static String recordPhoneCall(String publication) {
        return asStaff("li.ganshi").body(phoneCall(publication, TEXT)).when().post("/feedback")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void staffRecordAPhoneCallWithTheDayAndReceiptAndListsShowContactDetailsMasked() {
        String publication = Publications.openNow();
        try (EventProbe probe = EventProbe.on(EventTopics.FEEDBACK)) {
            String id = asStaff("li.ganshi").body(phoneCall(publication, TEXT)).when().post("/feedback")
                    .then().statusCode(201)
                    .body("channel", equalTo("PHONE"))
                    .body("receiptNumber", equalTo("DH-2025-0031"))
                    .body("status", equalTo("RECEIVED"))
                    .body("anonymous", equalTo(false))
                    .body("submitterMasked.name", equalTo("欧***"))
                    .body("submitterMasked.phone", equalTo("139****5678"))
                    .body("submitterMasked.email", equalTo("o***@example.com"))
                    .extract().path("id");
            given().queryParam("publicationId", publication).when().get("/feedback")
                    .then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].id", equalTo(id))
                    .body("items[0].text", equalTo(TEXT))
                    .body("items[0].submitterMasked.phone", equalTo("139****5678"))
                    .body(org.hamcrest.Matchers.not(containsString(PHONE)));
            given().when().get("/feedback/" + id + "/history")
                    .then().statusCode(200)
                    .body("[0].actor", equalTo("li.ganshi"))
                    .body("[0].action", equalTo("RECEIVED"))
                    .body("[0].detail", containsString("DH-2025-0031"));
            EventEnvelope event = probe.await(e -> id.equals(e.subject()), Duration.ofSeconds(30));
            assertEquals("FeedbackReceived", event.type());
            assertEquals("PHONE", event.data().path("feedback").path("channel").asText());
            EVENTS.assertPublished(probe.record(event));
        }
    }

    @Test
    void staffIntakeRefusesWhatItCannotRecord() {
        String publication = Publications.openNow();
        given().header("X-Test-Anonymous", "true").contentType(ContentType.JSON).body(phoneCall(publication, TEXT))
                .when().post("/feedback")
                .then().statusCode(401).contentType("application/problem+json");
        asStaff("li.ganshi").body(phoneCall(publication, TEXT).replace("\"PHONE\"", "\"WEB\"")).when().post("/feedback")
                .then().statusCode(400).body("errors[0].field", equalTo("channel"));
        asStaff("li.ganshi").body(phoneCall(publication, TEXT).replace("\"PHONE\"", "\"FAX\"")).when().post("/feedback")
                .then().statusCode(400).body("errors[0].field", equalTo("channel"));
        asStaff("li.ganshi").body(phoneCall(publication, TEXT)
                        .replace(CLOCK.today().toString(), CLOCK.today().plusDays(2).toString()))
                .when().post("/feedback")
                .then().statusCode(400).body("errors[0].field", equalTo("receivedOn"));
        asStaff("li.ganshi").body(phoneCall(UUID.randomUUID().toString(), TEXT)).when().post("/feedback")
                .then().statusCode(404);
    }

    @Test
    void everyStaffChannelIsRecordedAndALetterArrivingAfterTheWindowStillCounts() {
        LocalDateTime now = CLOCK.now().toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // The window closed yesterday at 23:59:59 (Shanghai); the letter was posted in time and arrives today.
        String closed = Publications.create(Publications.json(UUID.randomUUID(), now.minusDays(10),
                now.toLocalDate().minusDays(1).atTime(23, 59, 59), null));
        LocalDate today = CLOCK.today();
        try (EventProbe probe = EventProbe.on(EventTopics.FEEDBACK)) {
            for (String channel : List.of("PHONE", "POST", "EMAIL")) {
                String id = asStaff("li.ganshi").body(phoneCall(closed, channel + " 渠道收到的意见。")
                                .replace("\"PHONE\"", "\"" + channel + "\""))
                        .when().post("/feedback")
                        .then().statusCode(201)
                        .body("channel", equalTo(channel))
                        .body("status", equalTo("RECEIVED"))
                        .extract().path("id");
                String receivedAt = given().when().get("/feedback/" + id).then().statusCode(200)
                        .extract().path("receivedAt");
                // The day counts: received at the start of that day in the publication's zone.
                assertEquals(today.atStartOfDay(Publications.SHANGHAI).toInstant(), OffsetDateTime.parse(receivedAt).toInstant());
                EventEnvelope event = probe.await(e -> id.equals(e.subject()) && "FeedbackReceived".equals(e.type()),
                        Duration.ofSeconds(30));
                assertEquals(channel, event.data().path("feedback").path("channel").asText());
                EVENTS.assertPublished(probe.record(event));
            }
        }
        // The public, by contrast, is held to the window.
        Clients.citizen().contentType(ContentType.JSON).body("{\"text\":\"晚了。\"}")
                .when().post("/publications/" + closed + "/feedback")
                .then().statusCode(409).body("windowEnd", containsString("23:59:59+08:00"));
    }

    @Test
    void triageAnswerAndCloseAreRecordedAndTheAnswerIsShownToTheSubmitter() {
        String publication = Publications.openNow();
        String code = Clients.citizen().contentType(ContentType.JSON)
                .body("{\"text\":\"投诉：开发区某项目审批超过承诺时限。\"}")
                .when().post("/publications/" + publication + "/feedback")
                .then().statusCode(201).extract().path("trackingCode");
        String id = given().queryParam("publicationId", publication).when().get("/feedback")
                .then().statusCode(200).extract().path("items[0].id");
        String receivedAt = given().when().get("/feedback/" + id).then().extract().path("receivedAt");

        try (EventProbe probe = EventProbe.on(EventTopics.FEEDBACK)) {
            // a version the feedback never had: 400 naming the header (a stale one is 412, below)
            asStaff("wang.kezhang").header("If-Match", "\"5\"").body("{\"category\":\"COMPLAINT\"}")
                    .when().post("/feedback/" + id + "/triage")
                    .then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
            String replyDueAt = asStaff("wang.kezhang").body("{\"category\":\"COMPLAINT\"}")
                    .when().post("/feedback/" + id + "/triage")
                    .then().statusCode(200)
                    .body("status", equalTo("TRIAGED"))
                    .body("category", equalTo("COMPLAINT"))
                    .extract().path("replyDueAt");
            // feedback.reply-days.complaint = 10
            assertEquals(OffsetDateTime.parse(receivedAt).plusDays(10).toInstant(), OffsetDateTime.parse(replyDueAt).toInstant());

            // the triage moved it on from version 0: an answer based on that is stale
            asStaff("wang.kezhang").header("If-Match", "\"0\"").body("{\"answer\":\"已办结。\"}")
                    .when().post("/feedback/" + id + "/answer")
                    .then().statusCode(412).body("currentVersion", equalTo(1));
            // a client that has version 1 is told nothing changed; one that has version 0 gets the feedback
            given().header("If-None-Match", "\"1\"").when().get("/feedback/" + id).then().statusCode(304)
                    .header("ETag", equalTo("\"1\"")).body(equalTo(""));
            given().header("If-None-Match", "W/\"0\"").when().get("/feedback/" + id).then().statusCode(200)
                    .header("ETag", equalTo("\"1\"")).body("status", equalTo("TRIAGED"));
            asStaff("wang.kezhang").body("{\"answer\":\"经核查，该项目已于11月10日办结，并对相关责任人进行了批评教育。\"}")
                    .when().post("/feedback/" + id + "/answer")
                    .then().statusCode(200).body("status", equalTo("ANSWERED"));
            Clients.citizen().when().get("/feedback/track/" + code)
                    .then().statusCode(200)
                    .body("status", equalTo("ANSWERED"))
                    .body("answer", containsString("已于11月10日办结"));
            asStaff("wang.kezhang").body("{}").when().post("/feedback/" + id + "/close")
                    .then().statusCode(200).body("status", equalTo("CLOSED"));
            asStaff("wang.kezhang").body("{\"answer\":\"再答复\"}").when().post("/feedback/" + id + "/answer")
                    .then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("status", equalTo(409))
                    .body("feedbackStatus", equalTo("CLOSED"))
                    .body("detail", containsString("cannot take the step ANSWER"));

            given().when().get("/feedback/" + id + "/history")
                    .then().statusCode(200)
                    .body("action", contains("RECEIVED", "TRIAGED", "ANSWERED", "CLOSED"))
                    .body("actor", contains("public", "wang.kezhang", "wang.kezhang", "wang.kezhang"));
            for (String type : List.of("FeedbackTriaged", "FeedbackAnswered", "FeedbackClosed")) {
                EventEnvelope event = probe.await(e -> id.equals(e.subject()) && type.equals(e.type()), Duration.ofSeconds(30));
                EVENTS.assertPublished(probe.record(event));
                assertFalse(event.toString().contains("办结"), "the answer's text stays here");
            }
        }
    }

    @Test
    void escalationCarriesTheStaffsTitleAndDescription() {
        String publication = Publications.openNow();
        String id = recordPhoneCall(publication);
        UUID area = UUID.randomUUID();
        // the area must be one tasks-service announced for the feedback's inspection (EscalationAreaTest)
        String inspection = given().when().get("/publications/" + publication).then().extract().path("inspectionId");
        Ledger.area(UUID.fromString(inspection), area, 1, "落实全面从严治党不到位");
        String body = "{\"title\":\"窗口服务效率不高\",\"description\":\"群众反映街道办事处窗口办事拖延，需核查整改。\",\"areaId\":\"" + area + "\"}";
        try (EventProbe probe = EventProbe.on(EventTopics.FEEDBACK)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    asStaff("wang.kezhang").body(body).when().post("/feedback/" + id + "/escalate").statusCode() != 422);
            given().when().get("/feedback/" + id).then().statusCode(200).body("status", equalTo("ESCALATED"));
            EventEnvelope event = probe.await(e -> id.equals(e.subject()) && "FeedbackEscalated".equals(e.type()), Duration.ofSeconds(30));
            assertEquals("窗口服务效率不高", event.data().path("escalation").path("title").asText());
            assertEquals(area.toString(), event.data().path("escalation").path("areaId").asText());
            assertEquals(event.data().path("feedback").path("inspectionId").asText(),
                    event.data().path("escalation").path("inspectionId").asText());
            EVENTS.assertPublished(probe.record(event));
        }
        asStaff("wang.kezhang").body("{\"title\":\"\",\"description\":\"x\"}").when().post("/feedback/" + id + "/escalate")
                .then().statusCode(400).body("errors.field", hasItem("title"));
    }

    @Test
    void theSubmittersNameInTheTextIsMaskedAndAnswersOrEscalationsRepeatingItAreRefused() {
        String publication = Publications.openNow();
        String text = "联系人" + NAME + "，住" + ADDRESS + "，反映窗口办事拖延。";
        String id = asStaff("li.ganshi").body(phoneCall(publication, text)).when().post("/feedback")
                .then().statusCode(201).body("text", equalTo("联系人欧***，住沈阳市和平***，反映窗口办事拖延。"))
                .extract().path("id");
        given().header("X-Actor", "li.ganshi").queryParam("publicationId", publication).when().get("/feedback")
                .then().statusCode(200).body(org.hamcrest.Matchers.not(containsString(NAME)));
        asStaff("wang.kezhang").body("{\"category\":\"COMPLAINT\"}").when().post("/feedback/" + id + "/triage")
                .then().statusCode(200);
        // an answer is published, an escalation goes to the ledger and the public report
        asStaff("wang.kezhang").body("{\"answer\":\"" + NAME + "同志：经核查，窗口已整改。\"}")
                .when().post("/feedback/" + id + "/answer")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("answer"))
                .body(org.hamcrest.Matchers.not(containsString(NAME)));
        asStaff("wang.kezhang").body("{\"title\":\"窗口办事拖延\",\"description\":\"请回电" + PHONE + "核实。\"}")
                .when().post("/feedback/" + id + "/escalate")
                .then().statusCode(400).body("errors.field", hasItem("description"));
        given().when().get("/feedback/" + id).then().statusCode(200).body("status", equalTo("TRIAGED"));
        asStaff("wang.kezhang").body("{\"answer\":\"经核查，窗口已整改。\"}").when().post("/feedback/" + id + "/answer")
                .then().statusCode(200);
    }

    @Test
    void anAnswerOrEscalationHoldingAnyonesMobileIdNumberOrEmailIsRefusedButAnOfficesNumberIsNot() {
        String publication = Publications.openNow();
        String id = recordPhoneCall(publication);
        asStaff("wang.kezhang").body("{\"category\":\"COMPLAINT\"}").when().post("/feedback/" + id + "/triage")
                .then().statusCode(200);
        // another citizen's contact, a member of staff's mobile, an identity number: published, they could not be withdrawn
        for (String answer : List.of("该问题与王小明（13812345678，wxm@example.com）反映的路灯问题相同，已合并办理。",
                "经核实，当事人身份证号210102198001011234。", "已转街道办理，联系人张伟，手机13900001111。")) {
            asStaff("wang.kezhang").body("{\"answer\":" + EventProbe.toJson(answer) + "}")
                    .when().post("/feedback/" + id + "/answer")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("answer"))
                    .body("errors[0].message", containsString("contains personal contact data ("))
                    .body(org.hamcrest.Matchers.not(containsString("13812345678")))
                    .body(org.hamcrest.Matchers.not(containsString("wxm@")))
                    .body(org.hamcrest.Matchers.not(containsString("210102198001011234")))
                    .body(org.hamcrest.Matchers.not(containsString("13900001111")));
        }
        asStaff("wang.kezhang").body("{\"title\":\"窗口办事拖延\",\"description\":\"经办人李四（lisi@example.com）核实属实。\"}")
                .when().post("/feedback/" + id + "/escalate")
                .then().statusCode(400)
                .body("errors.field", contains("description"))
                .body("errors[0].message", containsString("an escalation goes to the ledger and the public report"));
        given().when().get("/feedback/" + id).then().statusCode(200).body("status", equalTo("TRIAGED"))
                .body("answer", org.hamcrest.Matchers.nullValue());
        asStaff("wang.kezhang").body("{\"answer\":\"已转街道办理。如有疑问，请拨打0411-12345678，或12345热线。\"}")
                .when().post("/feedback/" + id + "/answer")
                .then().statusCode(200).body("answer", containsString("0411-12345678"));
    }

    @Test
    void aTextOfFullWidthNoBreakOrZeroWidthSpacesIsBlank() {
        String publication = Publications.openNow();
        String id = recordPhoneCall(publication);
        for (String blank : List.of("\u3000\u3000\u00a0\t\n", "\u200b\u200c\u200d\u2060\ufeff")) {
            asStaff("wang.kezhang").body("{\"answer\":" + EventProbe.toJson(blank) + "}")
                    .when().post("/feedback/" + id + "/answer")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("answer"))
                    .body("errors[0].message", equalTo("must not be blank"));
            asStaff("wang.kezhang").body("{\"title\":" + EventProbe.toJson(blank) + ",\"description\":\"核查\"}")
                    .when().post("/feedback/" + id + "/escalate")
                    .then().statusCode(400).body("errors.field", contains("title"));
            asStaff("li.ganshi").body(phoneCall(publication, blank)).when().post("/feedback")
                    .then().statusCode(400).body("errors.field", contains("text"));
        }
        // an optional reason of blanks is no reason, not one that shows as empty
        asStaff("wang.kezhang").body("{\"reason\":\"\\u00a0\\u200b\"}").when().post("/feedback/" + id + "/close")
                .then().statusCode(200);
        given().when().get("/feedback/" + id + "/history").then().statusCode(200)
                .body("find { it.action == 'CLOSED' }.detail", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aDuplicateIsMergedIntoTheOther() {
        String publication = Publications.openNow();
        String first = recordPhoneCall(publication);
        String second = asStaff("li.ganshi").body(phoneCall(publication, "同一问题的第二次来电。")).when().post("/feedback")
                .then().statusCode(201).extract().path("id");
        asStaff("li.ganshi").body("{\"into\":\"" + second + "\"}").when().post("/feedback/" + second + "/merge")
                .then().statusCode(400).body("errors[0].field", equalTo("into"));
        try (EventProbe probe = EventProbe.on(EventTopics.FEEDBACK)) {
            asStaff("li.ganshi").body("{\"into\":\"" + first + "\"}").when().post("/feedback/" + second + "/merge")
                    .then().statusCode(200)
                    .body("status", equalTo("MERGED"))
                    .body("mergedIntoId", equalTo(first));
            EventEnvelope event = probe.await(e -> second.equals(e.subject()) && "FeedbackMerged".equals(e.type()), Duration.ofSeconds(30));
            assertEquals(first, event.data().path("mergedIntoId").asText());
            EVENTS.assertPublished(probe.record(event));
        }
        asStaff("li.ganshi").body("{\"into\":\"" + first + "\"}").when().post("/feedback/" + second + "/merge")
                .then().statusCode(409);
        // each history names the other by its tracking code too (not personal data), so staff see which
        String firstCode = given().get("/feedback/" + first).then().extract().path("trackingCode");
        String secondCode = given().get("/feedback/" + second).then().extract().path("trackingCode");
        given().when().get("/feedback/" + first + "/history")
                .then().body("action", hasItem("DUPLICATE_MERGED_IN"))
                .body("find { it.action == 'DUPLICATE_MERGED_IN' }.detail",
                        equalTo("feedback " + second + " (" + secondCode + ") merged into this one"));
        given().when().get("/feedback/" + second + "/history")
                .then().body("find { it.action == 'MERGED' }.detail", equalTo("into " + first + " (" + firstCode + ")"));
        // the merge dialog's search: the merged one is no target, the one it went into is, found by its code
        given().when().get("/feedback?mergeTarget=true&publicationId=" + publication + "&q=" + firstCode)
                .then().statusCode(200).body("items.id", contains(first));
        given().when().get("/feedback?mergeTarget=true&publicationId=" + publication + "&q=" + secondCode)
                .then().statusCode(200).body("total", equalTo(0));
        given().when().get("/feedback?mergeTarget=maybe").then().statusCode(400)
                .body("errors.field", hasItem("mergeTarget"));
    }

    @Test
    void staffIntakeAndEveryStaffStepAreInTheHashChainedAuditTrailWithoutPersonalData() {
        String publication = Publications.openNow();
        String id = recordPhoneCall(publication);
        String duplicate = recordPhoneCall(publication);
        given().header("X-Actor", "du.cha").when().get("/audit/Feedback/" + id)
                .then().statusCode(200)
                .body("action", contains("FeedbackReceived"))
                .body("actor", contains("li.ganshi"));
        asStaff("wang.kezhang").body("{\"category\":\"SUGGESTION\"}").when().post("/feedback/" + id + "/triage")
                .then().statusCode(200);
        asStaff("wang.kezhang").body("{\"answer\":\"已答复。\"}").when().post("/feedback/" + id + "/answer")
                .then().statusCode(200);
        asStaff("wang.kezhang").body("{\"reason\":\"已办结\"}").when().post("/feedback/" + id + "/close")
                .then().statusCode(200);
        String escalated = recordPhoneCall(publication);
        asStaff("wang.kezhang").body("{\"title\":\"核查\",\"description\":\"工作人员撰写。\"}")
                .when().post("/feedback/" + escalated + "/escalate").then().statusCode(200);
        String merged = recordPhoneCall(publication);
        asStaff("wang.kezhang").body("{\"into\":\"" + duplicate + "\"}").when().post("/feedback/" + merged + "/merge")
                .then().statusCode(200);
        // contact data is the caller's alone: no browser or proxy keeps it
        given().header("X-Actor", "jijian.zhao").header("X-Test-Roles", "supervisor,personal-data")
                .when().get("/feedback/" + id + "/submitter").then().statusCode(200).header("Cache-Control", "no-store");

        String trail = given().header("X-Actor", "du.cha").when().get("/audit/Feedback/" + id)
                .then().statusCode(200)
                .body("action", contains("FeedbackReceived", "FeedbackTriaged", "FeedbackAnswered", "FeedbackClosed",
                        "PersonalDataViewed"))
                .body("actor", contains("li.ganshi", "wang.kezhang", "wang.kezhang", "wang.kezhang", "jijian.zhao"))
                .extract().asString();
        given().header("X-Actor", "du.cha").when().get("/audit/Feedback/" + escalated)
                .then().statusCode(200).body("action", contains("FeedbackReceived", "FeedbackEscalated"));
        given().header("X-Actor", "du.cha").when().get("/audit/Feedback/" + merged)
                .then().statusCode(200).body("action", contains("FeedbackReceived", "FeedbackMerged"));
        for (String personal : List.of(NAME, PHONE, EMAIL, ADDRESS, TEXT, "3912", "ouyang")) {
            assertFalse(trail.contains(personal), "the audit trail holds " + personal + ": " + trail);
        }
        given().header("X-Actor", "du.cha").when().get("/audit/verify")
                .then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void publicIntakeStaysOffTheHashChain() {
        String publication = Publications.openNow();
        String code = Clients.citizen().contentType(ContentType.JSON)
                .body("{\"text\":\"网上意见。\"}")
                .when().post("/publications/" + publication + "/feedback")
                .then().statusCode(201).extract().path("trackingCode");
        String id = given().header("X-Actor", "du.cha").queryParam("publicationId", publication).when().get("/feedback")
                .then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.trackingCode == '" + code + "' }.id");
        given().header("X-Actor", "du.cha").when().get("/audit/Feedback/" + id)
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void fullContactDetailsOnlyOnTheExplicitEndpointAndEveryLookIsRecorded() {
        String id = recordPhoneCall(Publications.openNow());
        // Staff without the personal-data permission see nothing.
        given().header("X-Actor", "li.ganshi").when().get("/feedback/" + id + "/submitter")
                .then().statusCode(403).body(org.hamcrest.Matchers.not(containsString(PHONE)));
        given().header("X-Actor", java.net.URLEncoder.encode("纪检干部赵某", java.nio.charset.StandardCharsets.UTF_8)).header("X-Test-Roles", "supervisor,personal-data")
                .when().get("/feedback/" + id + "/submitter")
                .then().statusCode(200)
                .body("name", equalTo(NAME))
                .body("phone", equalTo(PHONE))
                .body("email", equalTo(EMAIL))
                .body("address", equalTo(ADDRESS));
        given().when().get("/feedback/" + id + "/history")
                .then().statusCode(200)
                .body("action", hasItems("RECEIVED", "PERSONAL_DATA_VIEWED"))
                .body("actor", hasItem("纪检干部赵某"))
                .body(org.hamcrest.Matchers.not(containsString(PHONE)));
    }

    /**
     * The history is in time order. A step takes its time in its transaction before it writes its
     * entries, so two transactions may write in the other order than their times: here the clock
     * stands later for a triage than for a look at the details written after it.
     */
    @Test
    void theHistoryIsInTimeOrderWhateverOrderItsEntriesWereWrittenIn() {
        String id = recordPhoneCall(Publications.openNow());
        java.time.Instant now = CLOCK.now().toInstant();
        try {
            io.rectification.platform.testing.AdjustableClock.pinAt(now.plusSeconds(2));
            asStaff("wang.kezhang").body("{\"category\":\"COMPLAINT\"}").when().post("/feedback/" + id + "/triage")
                    .then().statusCode(200);
            io.rectification.platform.testing.AdjustableClock.pinAt(now.plusSeconds(1));
            given().header("X-Actor", "zhao.jijian").header("X-Test-Roles", "supervisor,personal-data")
                    .when().get("/feedback/" + id + "/submitter").then().statusCode(200);
        } finally {
            io.rectification.platform.testing.AdjustableClock.release();
        }
        given().when().get("/feedback/" + id + "/history")
                .then().statusCode(200)
                .body("action", contains("RECEIVED", "PERSONAL_DATA_VIEWED", "TRIAGED"));
    }

    @Test
    void contactDataWrittenIntoTheTextIsMaskedOutsideTheExplicitEndpoint() {
        String publication = Publications.openNow();
        String text = "项目拖欠农民工工资，请回电13912345678，身份证210102199001011234。";
        String id = asStaff("li.ganshi").body(phoneCall(publication, text)).when().post("/feedback")
                .then().statusCode(201).body("text", equalTo("项目拖欠农民工工资，请回电139****5678，身份证210*************34。"))
                .extract().path("id");
        given().header("X-Actor", "li.ganshi").when().get("/feedback/" + id)
                .then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("13912345678")))
                .body(org.hamcrest.Matchers.not(containsString("210102199001011234")));
        given().header("X-Actor", "li.ganshi").queryParam("publicationId", publication).when().get("/feedback")
                .then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("13912345678")));
        given().header("X-Actor", "jijian.zhao").header("X-Test-Roles", "supervisor,personal-data")
                .when().get("/feedback/" + id + "/submitter").then().statusCode(200).body("text", equalTo(text));
    }

    @Test
    void noPersonalDataOrSubmittersTextInAnyPublishedEvent() {
        String publication = Publications.openNow();
        try (EventProbe probe = EventProbe.on(EventTopics.FEEDBACK)) {
            String webText = "网上提交的意见正文：请公开拖欠账款台账。";
            Clients.citizen().contentType(ContentType.JSON)
                    .body("{\"text\":" + EventProbe.toJson(webText) + ",\"name\":\"" + NAME + "\",\"phone\":\"" + PHONE
                            + "\",\"email\":\"" + EMAIL + "\",\"address\":\"" + ADDRESS + "\"}")
                    .when().post("/publications/" + publication + "/feedback")
                    .then().statusCode(201);
            String id = recordPhoneCall(publication);
            asStaff("wang.kezhang").body("{\"category\":\"OPINION\"}").when().post("/feedback/" + id + "/triage").then().statusCode(200);
            asStaff("wang.kezhang").body("{\"answer\":\"已答复。\"}").when().post("/feedback/" + id + "/answer").then().statusCode(200);
            asStaff("wang.kezhang").body("{\"title\":\"再深挖\",\"description\":\"由工作人员撰写的问题描述。\"}")
                    .when().post("/feedback/" + id + "/escalate").then().statusCode(200);
            probe.await(e -> id.equals(e.subject()) && "FeedbackEscalated".equals(e.type()), Duration.ofSeconds(30));

            List<ConsumerRecord<String, String>> records = probe.drain(Duration.ofSeconds(1));
            long ours = 0;
            for (ConsumerRecord<String, String> record : records) {
                EventEnvelope event = EventProbe.parse(record.value());
                if (event == null || !publication.equals(event.data().path("feedback").path("publicationId").asText())) {
                    continue;
                }
                ours++;
                EVENTS.assertPublished(record);
                for (String secret : List.of(NAME, PHONE, EMAIL, ADDRESS, "南京北街", "ouyang", TEXT, webText, "拖欠账款台账")) {
                    assertFalse(record.value().contains(secret), event.type() + " carries personal data or the submitter's text: " + secret);
                }
            }
            assertTrue(ours >= 5, "expected the events of both feedbacks, saw " + ours);
        }
    }
}
