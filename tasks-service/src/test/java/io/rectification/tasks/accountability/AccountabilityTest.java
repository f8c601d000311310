package io.rectification.tasks.accountability;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** 追责问责 counts by kind and 追回/挽回 amounts in 万元, each with its source, as figures a notice reports. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class AccountabilityTest {

    @Test
    void outcomesAndFundsAreRecordedWithTheirSourceTotalledAndPublished() {
        String inspection = Fixtures.inspection();
        String area = Fixtures.area(inspection, "落实全面从严治党不到位");
        String problem = Fixtures.problem(area, "加强廉政风险防控");
        String base = "/inspections/" + inspection;
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            io.restassured.response.ExtractableResponse<io.restassured.response.Response> recorded = given()
                    .contentType(ContentType.JSON).body(Map.of("kind", "ADMONISHMENT_TALK", "people", 2,
                            "problemId", problem, "decidedOn", "2024-11-20", "source", "区纪委监委通报(2024)12号"))
                    .post(base + "/accountability/outcomes").then().statusCode(201)
                    .body("kind", equalTo("ADMONISHMENT_TALK")).body("people", equalTo(2))
                    .body("source", equalTo("区纪委监委通报(2024)12号")).extract();
            String talk = recorded.path("id");
            // the answer is the record's, as a read of it would be: where it is, and the version a correction names
            assertTrue(recorded.header("Location").endsWith(base + "/accountability/outcomes/" + talk), recorded.header("Location"));
            assertEquals("\"" + recorded.path("version") + "\"", recorded.header("ETag"));
            given().get(recorded.header("Location").substring(recorded.header("Location").indexOf(base)))
                    .then().statusCode(200).header("ETag", recorded.header("ETag"));
            given().contentType(ContentType.JSON).body(Map.of("kind", "ADMONISHMENT_TALK", "people", 1,
                    "decidedOn", "2024-12-02", "source", "区纪委监委通报(2024)15号"))
                    .post(base + "/accountability/outcomes").then().statusCode(201);
            given().contentType(ContentType.JSON).body(Map.of("kind", "PARTY_DISCIPLINE", "people", 1,
                    "decidedOn", "2024-12-10", "source", "处分决定"))
                    .post(base + "/accountability/outcomes").then().statusCode(201);
            String recovered = given().contentType(ContentType.JSON).body(Map.of("kind", "RECOVERED_FUNDS",
                            "amountWanYuan", "120.50", "problemId", problem, "recordedOn", "2025-03-31", "source", "损失追偿台账"))
                    .post(base + "/accountability/funds").then().statusCode(201)
                    .body("amountWanYuan", equalTo(120.5f)).extract().path("id");
            given().contentType(ContentType.JSON).body(Map.of("kind", "RECOVERED_FUNDS", "amountWanYuan", 30,
                    "recordedOn", "2025-04-30", "source", "损失追偿台账")).post(base + "/accountability/funds").then().statusCode(201);
            given().contentType(ContentType.JSON).body(Map.of("kind", "RETRIEVED_LOSSES", "amountWanYuan", 2000,
                    "recordedOn", "2025-05-31", "source", "债权申报材料")).post(base + "/accountability/funds").then().statusCode(201);

            EventEnvelope outcome = probe.await(e -> talk.equals(e.subject()), Duration.ofSeconds(30));
            assertEquals("AccountabilityOutcomeRecorded", outcome.type());
            assertEquals(2, outcome.data().get("outcome").get("people").asInt());
            assertEquals(problem, outcome.data().get("outcome").get("problemId").asText());
            EventEnvelope funds = probe.await(e -> recovered.equals(e.subject()), Duration.ofSeconds(30));
            assertEquals("FundsRecovered", funds.type());
            assertEquals(0, new java.math.BigDecimal("120.5").compareTo(funds.data().get("funds").get("amountWanYuan").decimalValue()));
        }
        given().get(base + "/accountability").then().statusCode(200)
                .body("outcomes", hasSize(3)).body("funds", hasSize(3))
                .body("peopleByKind.ADMONISHMENT_TALK", equalTo(3))
                .body("peopleByKind.PARTY_DISCIPLINE", equalTo(1))
                .body("peopleTotal", equalTo(4))
                .body("wanYuanByKind.RECOVERED_FUNDS", equalTo(150.5f))
                .body("wanYuanByKind.RETRIEVED_LOSSES", equalTo(2000f));
    }

    @Test
    void badRecordsAreRefusedNamingTheField() {
        String inspection = Fixtures.inspection();
        String base = "/inspections/" + inspection;
        String otherProblem = Fixtures.freshProblem();
        given().contentType(ContentType.JSON).body(Map.of("kind", "ADMONISHMENT_TALK", "people", 0,
                        "decidedOn", "2024-11-20", "source", "通报"))
                .post(base + "/accountability/outcomes").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("people"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "ADMONISHMENT_TALK", "people", 1, "decidedOn", "2024-11-20"))
                .post(base + "/accountability/outcomes").then().statusCode(400).body("errors[0].field", equalTo("source"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "SHOT", "people", 1, "decidedOn", "2024-11-20", "source", "x"))
                .post(base + "/accountability/outcomes").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "ADMONISHMENT_TALK", "people", 1, "problemId", otherProblem,
                        "decidedOn", "2024-11-20", "source", "通报"))
                .post(base + "/accountability/outcomes").then().statusCode(400).body("errors[0].field", equalTo("problemId"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "RECOVERED_FUNDS", "amountWanYuan", -5,
                        "recordedOn", "2025-03-31", "source", "台账"))
                .post(base + "/accountability/funds").then().statusCode(400).body("errors[0].field", equalTo("amountWanYuan"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "RECOVERED_FUNDS", "amountWanYuan", "1.23456",
                        "recordedOn", "2025-03-31", "source", "台账"))
                .post(base + "/accountability/funds").then().statusCode(400).body("errors[0].field", equalTo("amountWanYuan"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "RECOVERED_FUNDS", "amountWanYuan", 5, "source", "台账"))
                .post(base + "/accountability/funds").then().statusCode(400).body("errors[0].field", equalTo("recordedOn"));
        given().get("/inspections/7d1f9a52-0000-4000-8000-000000000000/accountability").then().statusCode(404);
        given().get(base + "/accountability").then().statusCode(200).body("peopleTotal", equalTo(0));
    }

    @Test
    void aCorrectionReplacesTheRecordForTheTotalsAndIsPublishedWithItsNextVersion() {
        String inspection = Fixtures.inspection();
        String problem = Fixtures.problem(Fixtures.area(inspection, "落实全面从严治党不到位"), "加强廉政风险防控");
        String base = "/inspections/" + inspection + "/accountability";
        String id = given().contentType(ContentType.JSON).body(Map.of("kind", "ADMONISHMENT_TALK", "people", 2,
                        "decidedOn", "2024-11-20", "source", "区纪委监委通报(2024)12号"))
                .post(base + "/outcomes").then().statusCode(201).body("version", equalTo(1)).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("kind", "PARTY_DISCIPLINE", "people", 1,
                "decidedOn", "2024-12-10", "source", "处分决定")).post(base + "/outcomes").then().statusCode(201);
        given().get(base + "/outcomes/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("correctionReason", nullValue());

        Map<String, Object> corrected = new LinkedHashMap<>();
        corrected.put("kind", "GOVERNMENT_SANCTION");
        corrected.put("people", 3);
        corrected.put("problemId", problem);
        corrected.put("decidedOn", "2024-11-21");
        corrected.put("source", "区纪委监委通报(2024)12号（更正）");
        Map<String, Object> correction = Map.of("outcome", corrected, "reason", "录入时将政务处分误记为诫勉谈话，人数以通报为准");
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(correction)
                    .put(base + "/outcomes/" + id).then().statusCode(200).header("ETag", equalTo("\"2\""))
                    .body("version", equalTo(2)).body("kind", equalTo("GOVERNMENT_SANCTION")).body("people", equalTo(3))
                    .body("problemId", equalTo(problem)).body("correctionReason", equalTo("录入时将政务处分误记为诫勉谈话，人数以通报为准"))
                    .body("correctedAt", notNullValue());
            EventEnvelope event = probe.await(e -> id.equals(e.subject()) && "AccountabilityOutcomeCorrected".equals(e.type()),
                    Duration.ofSeconds(30));
            assertEquals(2L, event.aggregateversion());
            assertEquals(2, event.data().get("outcome").get("version").asInt());
            assertEquals(3, event.data().get("outcome").get("people").asInt());
            assertEquals("GOVERNMENT_SANCTION", event.data().get("outcome").get("kind").asText());
            assertFalse(event.data().toString().contains("误记"), "the reason stays in tasks-service: " + event.data());
        }
        // the record replaced, not added: the totals count it once, as corrected
        given().get(base).then().statusCode(200).body("outcomes", hasSize(2))
                .body("peopleByKind.ADMONISHMENT_TALK", nullValue())
                .body("peopleByKind.GOVERNMENT_SANCTION", equalTo(3))
                .body("peopleTotal", equalTo(4));
        // a second correction based on the first version is refused: someone else corrected it meanwhile
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(correction)
                .put(base + "/outcomes/" + id).then().statusCode(412).contentType("application/problem+json")
                .body("currentVersion", equalTo(2));
    }

    @Test
    void badCorrectionsAreRefusedNamingTheField() {
        String inspection = Fixtures.inspection();
        String base = "/inspections/" + inspection + "/accountability";
        String id = given().contentType(ContentType.JSON).body(Map.of("kind", "ADMONISHMENT_TALK", "people", 2,
                        "decidedOn", "2024-11-20", "source", "通报")).post(base + "/outcomes").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> outcome = Map.of("kind", "ADMONISHMENT_TALK", "people", 1, "decidedOn", "2024-11-20", "source", "通报");
        given().contentType(ContentType.JSON).body(Map.of("outcome", outcome, "reason", "人数有误"))
                .put(base + "/outcomes/" + id).then().statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("outcome", outcome))
                .put(base + "/outcomes/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("outcome", Map.of("kind", "ADMONISHMENT_TALK", "people", 0, "decidedOn", "2024-11-20",
                        "source", "通报"), "reason", "人数有误"))
                .put(base + "/outcomes/" + id).then().statusCode(400).body("errors[0].field", equalTo("outcome.people"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("outcome", Map.of("kind", "ADMONISHMENT_TALK", "people", 1, "problemId", Fixtures.freshProblem(),
                        "decidedOn", "2024-11-20", "source", "通报"), "reason", "人数有误"))
                .put(base + "/outcomes/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("outcome.problemId"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("outcome", outcome, "reason", "人数有误"))
                .put("/inspections/" + Fixtures.inspection() + "/accountability/outcomes/" + id).then().statusCode(404);
        // nothing refused changed the record
        given().get(base + "/outcomes/" + id).then().statusCode(200).body("version", equalTo(1)).body("people", equalTo(2));
    }

    @Test
    void aFundsCorrectionReplacesTheAmountForTheTotalsIsAuditedAndIsPublishedWithItsNextVersion() {
        String inspection = Fixtures.inspection();
        String problem = Fixtures.problem(Fixtures.area(inspection, "落实全面从严治党不到位"), "加强廉政风险防控");
        String base = "/inspections/" + inspection + "/accountability";
        String id = given().contentType(ContentType.JSON).body(Map.of("kind", "RECOVERED_FUNDS", "amountWanYuan", "12.05",
                        "recordedOn", "2025-03-31", "source", "损失追偿台账"))
                .post(base + "/funds").then().statusCode(201).body("version", equalTo(1)).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("kind", "RECOVERED_FUNDS", "amountWanYuan", 30,
                "recordedOn", "2025-04-30", "source", "损失追偿台账")).post(base + "/funds").then().statusCode(201);
        given().get(base + "/funds/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("amountWanYuan", equalTo(12.05f)).body("correctionReason", nullValue());

        Map<String, Object> corrected = new LinkedHashMap<>();
        corrected.put("kind", "RECOVERED_FUNDS");
        corrected.put("amountWanYuan", "120.5");
        corrected.put("problemId", problem);
        corrected.put("recordedOn", "2025-03-31");
        corrected.put("source", "损失追偿台账（更正）");
        Map<String, Object> correction = Map.of("funds", corrected, "reason", "录入时小数点错位，以台账为准");
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(correction)
                    .put(base + "/funds/" + id).then().statusCode(200).header("ETag", equalTo("\"2\""))
                    .body("version", equalTo(2)).body("amountWanYuan", equalTo(120.5f)).body("problemId", equalTo(problem))
                    .body("source", equalTo("损失追偿台账（更正）"))
                    .body("correctionReason", equalTo("录入时小数点错位，以台账为准")).body("correctedAt", notNullValue());
            EventEnvelope event = probe.await(e -> id.equals(e.subject()) && "RecoveredFundsCorrected".equals(e.type()),
                    Duration.ofSeconds(30));
            assertEquals(2L, event.aggregateversion());
            assertEquals(2, event.data().get("funds").get("version").asInt());
            assertEquals(0, new java.math.BigDecimal("120.5").compareTo(event.data().get("funds").get("amountWanYuan").decimalValue()));
            assertFalse(event.data().toString().contains("小数点"), "the reason stays in tasks-service: " + event.data());
        }
        // the entry replaced, not added: the totals count it once, as corrected
        given().get(base).then().statusCode(200).body("funds", hasSize(2))
                .body("wanYuanByKind.RECOVERED_FUNDS", equalTo(150.5f));
        // the audit trail keeps both versions, and the reason with the correction
        given().get("/audit/RecoveredFunds/" + id).then().statusCode(200)
                .body("action", org.hamcrest.Matchers.contains("FundsRecovered", "RecoveredFundsCorrected"))
                .body("[1].before", org.hamcrest.Matchers.containsString("12.05"))
                .body("[1].after", org.hamcrest.Matchers.containsString("录入时小数点错位"));
        // a second correction based on the first version is refused: someone else corrected it meanwhile
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(correction)
                .put(base + "/funds/" + id).then().statusCode(412).contentType("application/problem+json")
                .body("currentVersion", equalTo(2));
    }

    @Test
    void badFundsCorrectionsAreRefusedNamingTheField() {
        String inspection = Fixtures.inspection();
        String base = "/inspections/" + inspection + "/accountability";
        String id = given().contentType(ContentType.JSON).body(Map.of("kind", "RECOVERED_FUNDS", "amountWanYuan", 12.05,
                        "recordedOn", "2025-03-31", "source", "台账")).post(base + "/funds").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> funds = Map.of("kind", "RECOVERED_FUNDS", "amountWanYuan", 120.5, "recordedOn", "2025-03-31",
                "source", "台账");
        given().contentType(ContentType.JSON).body(Map.of("funds", funds, "reason", "小数点错位"))
                .put(base + "/funds/" + id).then().statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("funds", funds))
                .put(base + "/funds/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("funds", funds, "reason", " "))
                .put(base + "/funds/" + id).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("funds", Map.of("kind", "RECOVERED_FUNDS", "amountWanYuan", 0, "recordedOn", "2025-03-31",
                        "source", "台账"), "reason", "小数点错位"))
                .put(base + "/funds/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("funds.amountWanYuan"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("funds", Map.of("kind", "RECOVERED_FUNDS", "amountWanYuan", 120.5, "problemId", Fixtures.freshProblem(),
                        "recordedOn", "2025-03-31", "source", "台账"), "reason", "小数点错位"))
                .put(base + "/funds/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("funds.problemId"));
        // another inspection's entry, an unknown id, and an outcome's id are not this inspection's funds
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("funds", funds, "reason", "小数点错位"))
                .put("/inspections/" + Fixtures.inspection() + "/accountability/funds/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/inspections/" + Fixtures.inspection() + "/accountability/funds/" + id).then().statusCode(404);
        given().get(base + "/funds/7d1f9a52-0000-4000-8000-000000000000").then().statusCode(404);
        String outcome = given().contentType(ContentType.JSON).body(Map.of("kind", "ADMONISHMENT_TALK", "people", 2,
                "decidedOn", "2024-11-20", "source", "通报")).post(base + "/outcomes").then().statusCode(201).extract().path("id");
        given().get(base + "/funds/" + outcome).then().statusCode(404);
        // nothing refused changed the entry
        given().get(base + "/funds/" + id).then().statusCode(200).body("version", equalTo(1))
                .body("amountWanYuan", equalTo(12.05f));
    }

    /**
     * A retry stored the same outcome twice: one of the two is withdrawn (撤销登记), with a reason. It stays
     * in the list and on its audit trail, state WITHDRAWN, but no total counts it; it is published with its
     * next version (the reason stays here) and changes no more: withdrawn again or corrected, 409.
     */
    @Test
    void aWithdrawnOutcomeStaysListedButInNoTotalIsAuditedPublishedAndChangesNoMore() {
        String inspection = Fixtures.inspection();
        String base = "/inspections/" + inspection + "/accountability";
        Map<String, Object> talk = Map.of("kind", "ADMONISHMENT_TALK", "people", 2, "decidedOn", "2026-11-20",
                "source", "纪工委〔2026〕12号");
        given().contentType(ContentType.JSON).body(talk).post(base + "/outcomes").then().statusCode(201);
        String duplicate = given().contentType(ContentType.JSON).body(talk).post(base + "/outcomes").then().statusCode(201)
                .extract().path("id");
        given().get(base).then().body("peopleTotal", equalTo(4));

        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"").header("X-Actor", "office-wang")
                    .body(Map.of("reason", "网络超时后重复提交，与同一通报的记录重复"))
                    .post(base + "/outcomes/" + duplicate + "/withdrawal").then().statusCode(200)
                    .header("ETag", equalTo("\"2\"")).body("version", equalTo(2)).body("state", equalTo("WITHDRAWN"))
                    .body("people", equalTo(2)).body("withdrawnBy", equalTo("office-wang"))
                    .body("withdrawalReason", equalTo("网络超时后重复提交，与同一通报的记录重复"))
                    .body("withdrawnAt", notNullValue()).body("correctionReason", nullValue());
            EventEnvelope event = probe.await(e -> duplicate.equals(e.subject())
                    && "AccountabilityOutcomeWithdrawn".equals(e.type()), Duration.ofSeconds(30));
            assertEquals(2L, event.aggregateversion());
            assertEquals(2, event.data().get("outcome").get("version").asInt());
            assertFalse(event.data().toString().contains("重复提交"), "the reason stays in tasks-service: " + event.data());
        }
        // listed, as withdrawn, and counted nowhere
        given().get(base).then().statusCode(200).body("outcomes", hasSize(2))
                .body("outcomes.find { it.id == '" + duplicate + "' }.state", equalTo("WITHDRAWN"))
                .body("outcomes.findAll { it.state == 'RECORDED' }.size()", equalTo(1))
                .body("peopleByKind.ADMONISHMENT_TALK", equalTo(2)).body("peopleTotal", equalTo(2));
        given().get(base + "/outcomes/" + duplicate).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("state", equalTo("WITHDRAWN"));
        // its history: recorded, then withdrawn, with who and why
        given().get("/audit/AccountabilityOutcome/" + duplicate).then().statusCode(200)
                .body("action", org.hamcrest.Matchers.contains("AccountabilityOutcomeRecorded", "AccountabilityOutcomeWithdrawn"))
                .body("[1].actor", equalTo("office-wang"))
                .body("[1].before", org.hamcrest.Matchers.containsString("RECORDED"))
                .body("[1].after", org.hamcrest.Matchers.containsString("WITHDRAWN"))
                .body("[1].after", org.hamcrest.Matchers.containsString("网络超时后重复提交"));

        // withdrawn once is withdrawn for good: neither withdrawn again nor corrected, whatever the If-Match
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(Map.of("reason", "再次撤销"))
                .post(base + "/outcomes/" + duplicate + "/withdrawal").then().statusCode(409)
                .contentType("application/problem+json").body("state", equalTo("WITHDRAWN"))
                .body("detail", org.hamcrest.Matchers.containsString("office-wang"));
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(Map.of("outcome", Map.of("kind", "ADMONISHMENT_TALK", "people", 1, "decidedOn", "2026-11-20",
                        "source", "纪工委〔2026〕12号"), "reason", "人数有误"))
                .put(base + "/outcomes/" + duplicate).then().statusCode(409).contentType("application/problem+json")
                .body("state", equalTo("WITHDRAWN"));
        given().get(base + "/outcomes/" + duplicate).then().body("version", equalTo(2)).body("people", equalTo(2));
    }

    @Test
    void aWithdrawnAmountIsInNoTotalAndIsPublished() {
        String inspection = Fixtures.inspection();
        String base = "/inspections/" + inspection + "/accountability";
        Map<String, Object> funds = Map.of("kind", "RECOVERED_FUNDS", "amountWanYuan", "120.5", "recordedOn", "2026-11-30",
                "source", "财政局收缴凭证");
        given().contentType(ContentType.JSON).body(funds).post(base + "/funds").then().statusCode(201);
        String duplicate = given().contentType(ContentType.JSON).body(funds).post(base + "/funds").then().statusCode(201)
                .extract().path("id");
        given().get(base).then().body("wanYuanByKind.RECOVERED_FUNDS", equalTo(241f));

        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("reason", "同一收缴凭证重复录入"))
                    .post(base + "/funds/" + duplicate + "/withdrawal").then().statusCode(200)
                    .header("ETag", equalTo("\"2\"")).body("state", equalTo("WITHDRAWN"))
                    .body("withdrawalReason", equalTo("同一收缴凭证重复录入"));
            EventEnvelope event = probe.await(e -> duplicate.equals(e.subject()) && "RecoveredFundsWithdrawn".equals(e.type()),
                    Duration.ofSeconds(30));
            assertEquals(2L, event.aggregateversion());
            assertEquals(0, new java.math.BigDecimal("120.5").compareTo(event.data().get("funds").get("amountWanYuan").decimalValue()));
            assertFalse(event.data().toString().contains("重复录入"), "the reason stays in tasks-service: " + event.data());
        }
        given().get(base).then().statusCode(200).body("funds", hasSize(2))
                .body("funds.find { it.id == '" + duplicate + "' }.state", equalTo("WITHDRAWN"))
                .body("wanYuanByKind.RECOVERED_FUNDS", equalTo(120.5f));
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(Map.of("reason", "再次撤销"))
                .post(base + "/funds/" + duplicate + "/withdrawal").then().statusCode(409).body("state", equalTo("WITHDRAWN"));
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(Map.of("funds", Map.of("kind", "RECOVERED_FUNDS", "amountWanYuan", 1, "recordedOn", "2026-11-30",
                        "source", "财政局收缴凭证"), "reason", "金额有误"))
                .put(base + "/funds/" + duplicate).then().statusCode(409);
    }

    @Test
    void badWithdrawalsAreRefusedNamingTheFieldAndChangeNothing() {
        String inspection = Fixtures.inspection();
        String base = "/inspections/" + inspection + "/accountability";
        String outcome = given().contentType(ContentType.JSON).body(Map.of("kind", "ADMONISHMENT_TALK", "people", 2,
                "decidedOn", "2026-11-20", "source", "通报")).post(base + "/outcomes").then().statusCode(201).extract().path("id");
        String funds = given().contentType(ContentType.JSON).body(Map.of("kind", "RECOVERED_FUNDS", "amountWanYuan", 12,
                "recordedOn", "2026-11-30", "source", "台账")).post(base + "/funds").then().statusCode(201).extract().path("id");
        for (String url : java.util.List.of(base + "/outcomes/" + outcome + "/withdrawal", base + "/funds/" + funds + "/withdrawal")) {
            given().contentType(ContentType.JSON).body(Map.of("reason", "重复录入")).post(url).then().statusCode(428)
                    .contentType("application/problem+json");
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of()).post(url).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("reason", "  ")).post(url)
                    .then().statusCode(400).body("errors[0].field", equalTo("reason"));
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("reason", "重".repeat(501))).post(url)
                    .then().statusCode(400).body("errors[0].field", equalTo("reason"));
            // a version the record never had is no stale read but a wrong tag
            given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(Map.of("reason", "重复录入")).post(url)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("reason", "重复录入")).post(url)
                    .then().statusCode(412).contentType("application/problem+json").body("currentVersion", equalTo(1));
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"").header("X-Test-Roles", "supervisor")
                    .body(Map.of("reason", "重复录入")).post(url).then().statusCode(403);
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("reason", "重复录入"))
                    .post(url.replace(inspection, Fixtures.inspection())).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        // an outcome's id is no funds entry of the inspection
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("reason", "重复录入"))
                .post(base + "/funds/" + outcome + "/withdrawal").then().statusCode(404);
        given().get(base).then().body("peopleTotal", equalTo(2)).body("wanYuanByKind.RECOVERED_FUNDS", equalTo(12))
                .body("outcomes[0].state", equalTo("RECORDED")).body("funds[0].version", equalTo(1));
    }
}
