package io.rectification.feedback.open311;

import io.rectification.platform.testing.EventCatalogue;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.feedback.Clients;
import io.rectification.feedback.Publications;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.security.Roles;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.xml.XmlPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.rectification.platform.testing.PinnedClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class Open311ResourceTest {

    /** Runs from 00:10 on 1 March in Shanghai, 28 February in UTC: answers carry +08:00, searches may be in UTC. */
    @RegisterExtension
    static final PinnedClock CLOCK = PinnedClock.runningFrom("2026-02-28T16:10:00Z");

    static final EventCatalogue EVENTS = EventCatalogue.of("feedback-events.yaml");
    static final String PHONE = "13812345678";
    static final String DESCRIPTION = "开发区企业反映涉企检查过多。";

    /** A GeoReport client: no Authorization header, its own address. */
    static RequestSpecification client() {
        return Clients.citizen().header("X-Test-Anonymous", "true");
    }

    /** Form-encoded in UTF-8, as a GeoReport client sends Chinese text (RestAssured's default is ISO-8859-1). */
    static RequestSpecification form() {
        return client().contentType(ContentType.URLENC.withCharset("UTF-8"));
    }

    /** An api_key as the identity provider issues it to an integration client (a 12345 hotline system). */
    static String apiKey(String system) {
        return TestTokens.token(system, Roles.INTEGRATION);
    }

    static String submit(String apiKey, String service, String publication, String description) {
        return form().formParam("api_key", apiKey)
                .formParam("service_code", service)
                .formParam("attribute[publication_id]", publication)
                .formParam("description", description)
                .formParam("first_name", "三").formParam("last_name", "张")
                .formParam("phone", PHONE)
                .when().post("/open311/v2/requests.json")
                .then().statusCode(201)
                .extract().path("[0].service_request_id");
    }

    @Test
    void servicesAreTheFeedbackCategoriesInJsonAndXml() {
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

        String services = given().when().get("/open311/v2/services.xml")
                .then().statusCode(200).contentType(startsWith("text/xml"))
                .extract().asString();
        assertTrue(services.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), services);
        XmlPath xml = new XmlPath(services);
        assertEquals(List.of("opinion", "suggestion", "complaint", "misconduct_report"),
                xml.getList("services.service.service_code"));
        assertEquals("投诉", xml.getString("services.service.find { it.service_code.text() == 'complaint' }.service_name"));
        assertEquals("realtime", xml.getString("services.service[0].type"));
        given().when().get("/open311/v2/services/complaint.xml")
                .then().statusCode(200).contentType(startsWith("text/xml"))
                .body("service_definition.service_code", equalTo("complaint"))
                .body("service_definition.attributes.attribute.code", hasItems("publication_id", "area_id", "task_id"))
                .body("service_definition.attributes.attribute.find { it.code.text() == 'publication_id' }.required",
                        equalTo("true"));
        given().when().get("/open311/v2/services/pothole.xml")
                .then().statusCode(404).contentType(startsWith("text/xml"))
                .body("errors.error.code", equalTo("404"))
                .body("errors.error.description", containsString("pothole"));
    }

    @Test
    void publicationIdListsThePublicationsOpenNowAsValuesAndVariableIsABoolean() {
        LocalDateTime now = CLOCK.now().toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
        String openTitle = "公布（开放中）" + UUID.randomUUID();
        String overTitle = "公布（已截止）" + UUID.randomUUID();
        String open = Publications.create(Publications.json(UUID.randomUUID(), now.minusDays(1), now.plusDays(1), null)
                .replace(Publications.TITLE, openTitle));
        String over = Publications.create(Publications.json(UUID.randomUUID(), now.minusDays(8), now.minusDays(1), null)
                .replace(Publications.TITLE, overTitle));
        given().when().get("/open311/v2/services/complaint.json")
                .then().statusCode(200)
                .body("attributes.find { it.code == 'publication_id' }.datatype", equalTo("singlevaluelist"))
                .body("attributes.find { it.code == 'publication_id' }.values.find { it.key == '" + open + "' }.name",
                        equalTo(openTitle))
                .body("attributes.find { it.code == 'publication_id' }.values.key", not(hasItem(over)))
                .body("attributes.variable", everyItem(equalTo(true)))
                .body("attributes.find { it.code == 'area_id' }", not(hasKey("values")));
        given().when().get("/open311/v2/services/complaint.xml")
                .then().statusCode(200)
                .body("service_definition.attributes.attribute.find { it.code.text() == 'publication_id' }"
                        + ".values.value.find { it.key.text() == '" + open + "' }.name", equalTo(openTitle))
                .body("service_definition.attributes.attribute[0].variable", equalTo("true"));
    }

    @Test
    void discoveryNamesTheGeoReportV2EndpointAtThePublicAddress() {
        given().when().get("/open311/discovery.json")
                .then().statusCode(200).contentType(startsWith("application/json"))
                .body("changeset", equalTo("2026-11-30T08:00:00+08:00"))
                .body("contact", not(empty()))
                .body("key_service", containsString("api_key"))
                .body("endpoints", hasSize(1))
                .body("endpoints[0].specification", equalTo("http://wiki.open311.org/GeoReport_v2"))
                .body("endpoints[0].url", equalTo("https://feedback.test.example/api/open311/v2"))
                .body("endpoints[0].type", equalTo("production"))
                .body("endpoints[0].formats", contains("text/xml", "application/json"));
        given().when().get("/open311/discovery.xml")
                .then().statusCode(200).contentType(startsWith("text/xml"))
                .body("discovery.endpoints.endpoint.specification", equalTo("http://wiki.open311.org/GeoReport_v2"))
                .body("discovery.endpoints.endpoint.formats.format", hasItems("text/xml", "application/json"));
    }

    @Test
    void aMalformedIdIsNotFoundAsTheSpecificationSays() {
        for (String path : List.of("requests/not-a-code", "tokens/not-a-code")) {
            client().when().get("/open311/v2/" + path + ".json")
                    .then().statusCode(404).body("[0].code", equalTo(404));
            client().when().get("/open311/v2/" + path + ".xml")
                    .then().statusCode(404).body("errors.error.code", equalTo("404"));
        }
    }

    @Test
    void updatedDatetimeMovesWhenARequestIsTriagedAnsweredClosedOrMerged() {
        String publication = Publications.openNow();
        String key = apiKey("updates-system-" + UUID.randomUUID());
        String kept = submit(key, "opinion", publication, "保留的意见。");
        String merged = submit(key, "opinion", publication, "重复的意见。");
        Instant requested = updated(merged);
        assertEquals(requested, OffsetDateTime.parse(client().when().get("/open311/v2/requests/" + merged + ".json")
                .then().extract().<String>path("[0].requested_datetime")).toInstant());
        var list = given().header("X-Actor", "wang.kezhang").queryParam("publicationId", publication)
                .when().get("/feedback").then().statusCode(200).extract().jsonPath();
        String keptId = list.getString("items.find { it.trackingCode == '" + kept + "' }.id");
        assertEquals("保留的意见。", list.getString("items.find { it.trackingCode == '" + kept + "' }.text"));
        String mergedId = list.getString("items.find { it.trackingCode == '" + merged + "' }.id");
        Instant triaged = requested.plus(Duration.ofMinutes(30));
        Instant answered = requested.plus(Duration.ofHours(1));
        Instant closed = requested.plus(Duration.ofHours(2));
        Instant merging = requested.plus(Duration.ofHours(3));
        try {
            AdjustableClock.pinAt(triaged);
            staff().body("{\"category\":\"OPINION\"}").when().post("/feedback/" + keptId + "/triage").then().statusCode(200);
            assertEquals(triaged, updated(kept));
            AdjustableClock.pinAt(answered);
            staff().body("{\"answer\":\"已答复。\"}").when().post("/feedback/" + keptId + "/answer").then().statusCode(200);
            assertEquals(answered, updated(kept));
            AdjustableClock.pinAt(closed);
            staff().body("{\"reason\":\"已办结\"}").when().post("/feedback/" + keptId + "/close").then().statusCode(200);
            assertEquals(closed, updated(kept));
            AdjustableClock.pinAt(merging);
            staff().body("{\"into\":\"" + keptId + "\"}").when().post("/feedback/" + mergedId + "/merge")
                    .then().statusCode(200);
            assertEquals(merging, updated(merged));
            // Taking a duplicate in does not change the request it was merged into.
            assertEquals(closed, updated(kept));
        } finally {
            AdjustableClock.release();
        }
    }

    private static RequestSpecification staff() {
        return given().header("X-Actor", "wang.kezhang").contentType(ContentType.JSON);
    }

    private static Instant updated(String id) {
        return OffsetDateTime.parse(client().when().get("/open311/v2/requests/" + id + ".json")
                .then().statusCode(200).extract().<String>path("[0].updated_datetime")).toInstant();
    }

    @Test
    void aRequestPostedWithAnApiKeyCanBeFollowedByIdAndTokenInBothFormats() {
        String publication = Publications.openNow();
        try (EventProbe probe = EventProbe.on(EventTopics.FEEDBACK)) {
            String id = form().formParam("api_key", apiKey("12345-hotline"))
                    .formParam("service_code", "complaint")
                    .formParam("attribute[publication_id]", publication)
                    .formParam("description", DESCRIPTION)
                    .formParam("first_name", "三").formParam("last_name", "张")
                    .formParam("phone", PHONE)
                    .when().post("/open311/v2/requests.json")
                    .then().statusCode(201)
                    .body("[0].service_request_id", matchesPattern("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}"))
                    .body("[0]", hasKey("account_id"))
                    .extract().path("[0].service_request_id");

            client().when().get("/open311/v2/requests/" + id + ".json")
                    .then().statusCode(200)
                    .body("[0].service_request_id", equalTo(id))
                    .body("[0].status", equalTo("open"))
                    .body("[0].service_code", equalTo("complaint"))
                    .body("[0]", hasKey("expected_datetime"))
                    .body("[0]", not(hasKey("description")))
                    .body(not(containsString(PHONE)));
            client().when().get("/open311/v2/tokens/" + id + ".json")
                    .then().statusCode(200)
                    .body("[0].service_request_id", equalTo(id));
            String xml = client().when().get("/open311/v2/requests/" + id + ".xml")
                    .then().statusCode(200).contentType(startsWith("text/xml"))
                    .body("service_requests.request.service_request_id", equalTo(id))
                    .body("service_requests.request.status", equalTo("open"))
                    .body("service_requests.request.service_code", equalTo("complaint"))
                    .body("service_requests.request.requested_datetime", matchesPattern(".+(Z|[+-]\\d\\d:\\d\\d)"))
                    .extract().asString();
            for (String personal : List.of(PHONE, "张", DESCRIPTION, "description")) {
                assertFalse(xml.contains(personal), "the XML answer holds " + personal + ": " + xml);
            }
            client().when().get("/open311/v2/tokens/" + id + ".xml")
                    .then().statusCode(200)
                    .body("service_requests.request.token", equalTo(id))
                    .body("service_requests.request.service_request_id", equalTo(id));

            EventEnvelope event = probe.await(e -> "FeedbackReceived".equals(e.type())
                    && publication.equals(e.data().path("feedback").path("publicationId").asText()), Duration.ofSeconds(30));
            assertEquals("API", event.data().path("feedback").path("channel").asText());
            assertEquals("COMPLAINT", event.data().path("feedback").path("category").asText());
            EVENTS.assertPublished(probe.record(event));
        }
        String xmlId = form().formParam("api_key", apiKey("12345-hotline"))
                .formParam("service_code", "suggestion").formParam("attribute[publication_id]", publication)
                .formParam("description", "建议公开整改台账。")
                .when().post("/open311/v2/requests.xml")
                .then().statusCode(201).contentType(startsWith("text/xml"))
                .body("service_requests.request.service_notice", startsWith("预计答复日期"))
                .extract().path("service_requests.request.service_request_id");
        client().when().get("/open311/v2/requests/" + xmlId + ".json")
                .then().statusCode(200).body("[0].service_code", equalTo("suggestion"));
    }

    @Test
    void postingNeedsTheApiKeyOfAnIntegrationClient() {
        String publication = Publications.openNow();
        RequestSpecification request = form().header("Accept-Language", "en")
                .formParam("service_code", "opinion").formParam("attribute[publication_id]", publication)
                .formParam("description", "意见");
        request.when().post("/open311/v2/requests.json")
                .then().statusCode(400)
                .body("[0].code", equalTo(400))
                .body("[0].description", equalTo("api_key: is required (the token issued to your system)"));
        for (String wrong : List.of("not-a-token", TestTokens.token("li.kezhang", Roles.OFFICER),
                TestTokens.token("wang.zhuren", Roles.COORDINATOR), TestTokens.expired(Roles.INTEGRATION),
                TestTokens.wrongSignature(Roles.INTEGRATION), TestTokens.wrongIssuer(Roles.INTEGRATION))) {
            form().formParam("api_key", wrong).formParam("service_code", "opinion")
                    .formParam("attribute[publication_id]", publication).formParam("description", "意见")
                    .when().post("/open311/v2/requests.json")
                    .then().statusCode(403)
                    .body("[0].code", equalTo(403))
                    .body("[0].description", containsString("api_key"));
        }
        form().formParam("service_code", "opinion").formParam("attribute[publication_id]", publication)
                .formParam("description", "意见")
                .when().post("/open311/v2/requests.xml")
                .then().statusCode(400).contentType(startsWith("text/xml"))
                .body("errors.error.code", equalTo("400"))
                .body("errors.error.description", startsWith("api_key"));
        form().formParam("api_key", "forged").formParam("service_code", "opinion")
                .formParam("attribute[publication_id]", publication).formParam("description", "意见")
                .when().post("/open311/v2/requests.xml")
                .then().statusCode(403)
                .body("errors.error.code", equalTo("403"));
        // Nothing refused was stored.
        client().queryParam("api_key", apiKey("li.kezhang")).when().get("/open311/v2/requests.json")
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void aListOfIdsFindsThoseRequestsForAnyoneHoldingTheCodes() {
        String publication = Publications.openNow();
        String first = submit(apiKey("ids-system"), "opinion", publication, "第一条意见。");
        String second = submit(apiKey("ids-system"), "complaint", publication, "第二条投诉。");
        client().queryParam("service_request_id", second + "," + first.toLowerCase().replace("-", "") + ",2222-3333-4444-5555")
                // The ids override every other parameter, filters that would exclude them included.
                .queryParam("service_code", "suggestion").queryParam("status", "closed")
                .when().get("/open311/v2/requests.json")
                .then().statusCode(200)
                .body("service_request_id", contains(second, first))
                .body("[0].service_code", equalTo("complaint"))
                .body(not(containsString("第二条投诉")));
        client().queryParam("service_request_id", first).when().get("/open311/v2/requests.xml")
                .then().statusCode(200)
                .body("service_requests.request.service_request_id", equalTo(first));
        client().queryParam("service_request_id", "not-a-code").when().get("/open311/v2/requests.json")
                .then().statusCode(400).body("[0].description", startsWith("service_request_id"));
        String tooMany = IntStream.range(0, Open311Requests.MAX_IDS + 1).mapToObj(i -> first).collect(Collectors.joining(","));
        client().queryParam("service_request_id", tooMany).when().get("/open311/v2/requests.json")
                .then().statusCode(400).body("[0].description", startsWith("service_request_id"));
    }

    @Test
    void aSearchWithoutIdsShowsTheKeyHoldersOwnRequestsFilteredAndPaged() {
        String publication = Publications.openNow();
        String hotline = apiKey("search-hotline-" + UUID.randomUUID());
        String opinion = submit(hotline, "opinion", publication, "意见一。");
        String complaint = submit(hotline, "complaint", publication, "投诉一。");
        String closed = submit(hotline, "complaint", publication, "投诉二，已办结。");
        String others = submit(apiKey("another-system"), "opinion", publication, "别的系统提交的意见。");
        String closedId = given().header("X-Actor", "wang.kezhang").queryParam("publicationId", publication)
                .when().get("/feedback").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.trackingCode == '" + closed + "' }.id");
        given().header("X-Actor", "wang.kezhang").contentType(ContentType.JSON).body("{\"reason\":\"已办结\"}")
                .when().post("/feedback/" + closedId + "/close").then().statusCode(200);

        search(hotline).when().get("/open311/v2/requests.json")
                .then().statusCode(200)
                .body("service_request_id", contains(closed, complaint, opinion))
                .body("service_request_id", not(hasItem(others)))
                .body(not(containsString(PHONE)));
        given().header("X-Forwarded-For", Clients.newAddress()).header("Authorization", "Bearer " + hotline)
                .when().get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", hasItems(closed, complaint, opinion));
        search(hotline).queryParam("service_code", "complaint").when().get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", contains(closed, complaint));
        search(hotline).queryParam("status", "closed").when().get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", contains(closed))
                .body("[0].status", equalTo("closed"));
        search(hotline).queryParam("status", "open").when().get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", contains(complaint, opinion));
        search(hotline).queryParam("status", "open,closed").when().get("/open311/v2/requests.json")
                .then().statusCode(200).body("$", hasSize(3));
        search(hotline).queryParam("page_size", 2).when().get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", contains(closed, complaint));
        search(hotline).queryParam("page_size", 2).queryParam("page", 2).when().get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", contains(opinion));
        search(hotline).queryParam("page_size", 2).when().get("/open311/v2/requests.xml")
                .then().statusCode(200)
                .body("service_requests.request.service_request_id", contains(closed, complaint));
        OffsetDateTime now = CLOCK.now().truncatedTo(ChronoUnit.SECONDS);
        search(hotline).queryParam("start_date", now.plusMinutes(5).toString()).when().get("/open311/v2/requests.json")
                .then().statusCode(200).body("$", empty());
        search(hotline).queryParam("start_date", now.minusMinutes(5).toString())
                .queryParam("end_date", now.plusMinutes(5).toString()).when().get("/open311/v2/requests.json")
                .then().statusCode(200).body("$", hasSize(3));
    }

    /**
     * A hotline relays many callers under one api_key: the same text is a duplicate only from the same
     * caller (the same contact details, or no contact twice), a retry that is refused without the
     * earlier request's code (the contact proves nothing of who calls; the client's search lists its
     * own requests). Another caller's complaint in the same words is stored, with a code of its own.
     */
    @Test
    void anIntegrationClientsDuplicateIsTheSameCallersAndNamesNoCodeWhileAnotherCallerIsStored() {
        String publication = Publications.openNow();
        String hotline = apiKey("dup-hotline-" + UUID.randomUUID());
        String first = submit(hotline, "opinion", publication, "同一条意见，接入系统重发了。");
        relay(hotline, publication, "同一条意见，接入系统重发了", "三", "张", PHONE)
                .then().statusCode(409)
                .body("[0].code", equalTo(409))
                .body("[0].description", containsString("相同内容已于近期收到"))
                .body("[0].description", not(containsString(first)));

        String secondCaller = relay(hotline, publication, "同一条意见，接入系统重发了。", "四", "李", "13900001111")
                .then().statusCode(201).extract().path("[0].service_request_id");
        assertNotEquals(first, secondCaller);
        String anonymous = relay(hotline, publication, "同一条意见，接入系统重发了。", null, null, null)
                .then().statusCode(201).extract().path("[0].service_request_id");
        relay(hotline, publication, "同一条意见，接入系统重发了。", null, null, null)
                .then().statusCode(409)
                .body("[0].description", not(containsString(anonymous)));
        String otherClient = submit(apiKey("dup-other-" + UUID.randomUUID()), "opinion", publication, "同一条意见，接入系统重发了。");
        assertNotEquals(first, otherClient);
    }

    /** A request relaying a caller's text with the contact details given (none where null). */
    static io.restassured.response.Response relay(String apiKey, String publication, String description,
                                                  String firstName, String lastName, String phone) {
        RequestSpecification request = form().formParam("api_key", apiKey).formParam("service_code", "opinion")
                .formParam("attribute[publication_id]", publication).formParam("description", description);
        if (firstName != null) {
            request.formParam("first_name", firstName).formParam("last_name", lastName).formParam("phone", phone);
        }
        return request.when().post("/open311/v2/requests.json");
    }

    @Test
    void searchParametersAreCheckedAndNamed() {
        String key = apiKey("checks-system");
        OffsetDateTime now = CLOCK.now().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        client().when().get("/open311/v2/requests.json")
                .then().statusCode(400).body("[0].description", startsWith("api_key"));
        client().queryParam("api_key", "forged").when().get("/open311/v2/requests.json")
                .then().statusCode(403).body("[0].code", equalTo(403));
        client().queryParam("api_key", TestTokens.token("du.cha", Roles.SUPERVISOR)).when().get("/open311/v2/requests.xml")
                .then().statusCode(403).body("errors.error.code", equalTo("403"));
        expectBadParameter(search(key).queryParam("start_date", now.minusDays(91).toString())
                .queryParam("end_date", now.toString()), "end_date");
        expectBadParameter(search(key).queryParam("start_date", now.toString())
                .queryParam("end_date", now.minusSeconds(1).toString()), "end_date");
        expectBadParameter(search(key).queryParam("end_date", now.minusDays(1).toString())
                .queryParam("start_date", now.toString()), "end_date");
        expectBadParameter(search(key).queryParam("start_date", "2025-11-06"), "start_date");
        expectBadParameter(search(key).queryParam("end_date", "2025-11-13T23:59:59"), "end_date");
        // Near Instant's own bounds: adding the 90 days overflowed, and PostgreSQL holds no such time (500).
        expectBadParameter(search(key).queryParam("start_date", "+999999999-12-31T00:00:00Z"), "start_date");
        expectBadParameter(search(key).queryParam("end_date", "-999999999-01-01T00:00:00Z"), "end_date");
        expectBadParameter(search(key).queryParam("start_date", "+99999-01-01T00:00:00Z"), "start_date");
        expectBadParameter(search(key).queryParam("status", "pending"), "status");
        expectBadParameter(search(key).queryParam("service_code", "pothole"), "service_code");
        expectBadParameter(search(key).queryParam("page", "0"), "page");
        // (page - 1) × page_size is the offset, an int: this page made it overflow (500).
        expectBadParameter(search(key).queryParam("page", "2147483647").queryParam("page_size", "1000"), "page");
        expectBadParameter(search(key).queryParam("page_size", "1001"), "page_size");
        expectBadParameter(search(key).queryParam("page_size", "many"), "page_size");
        // Exactly 90 days is allowed.
        search(key).queryParam("start_date", now.minusDays(90).toString()).queryParam("end_date", now.toString())
                .when().get("/open311/v2/requests.json").then().statusCode(200);
    }

    @Test
    void theDefaultSearchCoversTheLast90Days() {
        // Pinned: 00:30 on 2 March in Shanghai, still 1 March in UTC; 91 days before is 00:30 on 1 December
        // there and 30 November in UTC, so the answer's date is the zone's, across a month's end.
        Instant now = Instant.parse("2026-03-01T16:30:00Z");
        OffsetDateTime longAgo = now.atOffset(ZoneOffset.UTC).minusDays(91);
        try {
            AdjustableClock.pinAt(now);
            LocalDateTime nowLocal = LocalDateTime.ofInstant(now, Publications.SHANGHAI);
            String publication = Publications.create(Publications.json(UUID.randomUUID(), nowLocal.minusDays(100),
                    nowLocal.plusHours(1), null));
            String key = apiKey("window-system-" + UUID.randomUUID());
            AdjustableClock.pinAt(longAgo.toInstant());
            String old = submit(key, "opinion", publication, "九十一天前的意见。");
            AdjustableClock.pinAt(now);
            String recent = submit(key, "opinion", publication, "今天的意见。");
            search(key).when().get("/open311/v2/requests.json")
                    .then().statusCode(200).body("service_request_id", contains(recent));
            // The first and last second of a window are inside it.
            search(key).queryParam("start_date", longAgo.toString()).queryParam("end_date", longAgo.plusDays(1).toString())
                    .when().get("/open311/v2/requests.json")
                    .then().statusCode(200).body("service_request_id", contains(old));
            search(key).queryParam("start_date", longAgo.minusDays(1).toString())
                    .queryParam("end_date", longAgo.withOffsetSameInstant(ZoneOffset.ofHours(8)).toString())
                    .when().get("/open311/v2/requests.json")
                    .then().statusCode(200).body("service_request_id", contains(old));
            search(key).queryParam("start_date", longAgo.plusSeconds(1).toString())
                    .when().get("/open311/v2/requests.json")
                    .then().statusCode(200).body("$", empty());
            client().queryParam("service_request_id", old).when().get("/open311/v2/requests.json")
                    .then().statusCode(200).body("[0].requested_datetime", startsWith("2025-12-01T00:30:00+08:00"));
        } finally {
            AdjustableClock.release();
        }
    }

    @Test
    void statusNotesAreTheAnswerAndXmlCarriesAnyTextSafely() {
        String publication = Publications.openNow();
        String id = submit(apiKey("notes-system"), "opinion", publication, "请答复。");
        String feedbackId = given().header("X-Actor", "wang.kezhang").queryParam("publicationId", publication)
                .when().get("/feedback").then().statusCode(200).extract().jsonPath().getString("items[0].id");
        String answer = "<b>已答复</b> & \"谢谢\" ]]> <script>alert(1)</script>";
        given().header("X-Actor", "wang.kezhang").contentType(ContentType.JSON).body("{\"category\":\"OPINION\"}")
                .when().post("/feedback/" + feedbackId + "/triage").then().statusCode(200);
        given().header("X-Actor", "wang.kezhang").contentType(ContentType.JSON)
                .body("{\"answer\":" + EventProbe.toJson(answer) + "}")
                .when().post("/feedback/" + feedbackId + "/answer").then().statusCode(200);
        client().when().get("/open311/v2/requests/" + id + ".xml")
                .then().statusCode(200)
                .body("service_requests.request.status_notes", equalTo(answer))
                .body(not(containsString("<script>")));
        client().when().get("/open311/v2/requests/" + id + ".json")
                .then().statusCode(200).body("[0].status_notes", equalTo(answer));
    }

    @Test
    void errorsAreGeoReportErrors() {
        String key = apiKey("errors-system");
        form().formParam("api_key", key).formParam("service_code", "pothole")
                .formParam("attribute[publication_id]", UUID.randomUUID().toString())
                .formParam("description", "x")
                .when().post("/open311/v2/requests.json")
                .then().statusCode(400)
                .body("[0].code", equalTo(400))
                .body("[0].description", containsString("service_code"));
        form().formParam("api_key", key).formParam("service_code", "opinion").formParam("description", "意见")
                .when().post("/open311/v2/requests.json")
                .then().statusCode(400)
                .body("[0].description", containsString("attribute[publication_id]"));
        form().formParam("api_key", key).formParam("service_code", "opinion")
                .formParam("attribute[publication_id]", UUID.randomUUID().toString())
                .formParam("description", "意见")
                .when().post("/open311/v2/requests.json")
                .then().statusCode(404);
        form().formParam("api_key", key).header("Accept-Language", "en").formParam("service_code", "opinion")
                .formParam("attribute[publication_id]", Publications.openNow())
                .formParam("description", "x".repeat(4001))
                .when().post("/open311/v2/requests.xml")
                .then().statusCode(400)
                .body("errors.error.description", containsString("description: must be at most 4000"));
        LocalDateTime now = CLOCK.now().toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
        String over = Publications.create(Publications.json(UUID.randomUUID(), now.minusDays(8), now.minusSeconds(2), null));
        form().formParam("api_key", key).formParam("service_code", "opinion")
                .formParam("attribute[publication_id]", over).formParam("description", "晚了。")
                .when().post("/open311/v2/requests.json")
                .then().statusCode(409)
                .body("[0].code", equalTo(409))
                .body("[0].description", containsString("（北京时间）"));
        client().when().get("/open311/v2/requests/2222-3333-4444-5555.json")
                .then().statusCode(404)
                .body("[0].code", equalTo(404));
        client().when().get("/open311/v2/requests/2222-3333-4444-5555.xml")
                .then().statusCode(404).contentType(startsWith("text/xml"))
                .body("errors.error.code", equalTo("404"));
        client().when().get("/open311/v2/tokens/2222-3333-4444-5555.xml")
                .then().statusCode(404)
                .body("errors.error.code", equalTo("404"));
    }

    private static RequestSpecification search(String apiKey) {
        return client().queryParam("api_key", apiKey);
    }

    private static void expectBadParameter(RequestSpecification request, String parameter) {
        request.when().get("/open311/v2/requests.json")
                .then().statusCode(400)
                .body("[0].code", equalTo(400))
                .body("[0].description", startsWith(parameter));
    }
}
