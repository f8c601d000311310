package io.rectification.reporting.report;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The leading group (第一责任人, 整改工作领导小组) and the accountability figures (问责, 追回/挽回) in the
 * report: section 一 (a point of its own after the draft's), and each finding's paragraph in section 二, after
 * its measures as the finding's own sentence.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class ReportAccountabilityTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void sectionOneAndTheFindingsSayWhatWasRecordedAndTheDraftMustAgree() {
        Finding finding = Finding.withPublication();
        ContractEvents plan = finding.plan();
        UUID problem = finding.problem();
        UUID publication = finding.publication();
        String inspection = plan.inspectionId.toString();
        ContractEvents.send(EventTopics.TASKS, "LeadingGroupSet", "LeadingGroup", plan.inspectionId, 0, Map.of("leadingGroup",
                Map.of("inspectionId", inspection, "version", 0, "firstResponsiblePosition", "党工委书记",
                        "members", List.of(Map.of("role", "LEADER", "position", "党工委书记"),
                                Map.of("role", "DEPUTY_LEADER", "position", "管委会主任"),
                                Map.of("role", "DEPUTY_LEADER", "position", "分管日常工作的副主任"),
                                Map.of("role", "MEMBER", "position", "党工委班子成员"),
                                Map.of("role", "MEMBER", "position", "整改牵头区级领导")))));
        outcome(plan, problem, "ADMONISHMENT_TALK", 2);
        outcome(plan, null, "ADMONISHMENT_TALK", 1);
        outcome(plan, null, "PARTY_DISCIPLINE", 1);
        funds(plan, problem, "RECOVERED_FUNDS", "120.5");
        funds(plan, null, "RECOVERED_FUNDS", "30");
        funds(plan, null, "RETRIEVED_LOSSES", "2000");

        draft(plan, publication, "党工委坚决扛起巡视整改主体责任。");
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200)
                .body(containsString("党工委书记认真履行巡视整改第一责任人责任。成立由党工委书记任组长，管委会主任和分管日常工作的副主任"
                        + "任副组长，党工委班子成员、整改牵头区级领导为成员的整改工作领导小组。"))
                .body(containsString("坚持严肃追责问责，巡视整改以来共问责4人，其中诫勉谈话3人、党纪处分1人；追回资金150.5万元，挽回损失2000万元。"))
                .body(containsString("全力开展损失追偿工作。（未开始）针对该问题，共问责2人，均为诫勉谈话；追回资金120.5万元。")));
        String markdown = given().when().get("/reports/" + inspection + "/preview.md").then().extract().asString();
        String sectionOne = markdown.substring(markdown.indexOf("## 一、"), markdown.indexOf("## 二、"));
        assertTrue(sectionOne.indexOf("第一责任人") < sectionOne.indexOf("党工委坚决扛起")
                && sectionOne.indexOf("党工委坚决扛起") < sectionOne.indexOf("严肃追责问责"), sectionOne);
        given().when().get("/reports/" + inspection + "/checks").then().body("disagreements", hasSize(0));

        // the draft says it itself: not said twice, but held to what was recorded
        draft(plan, publication, "第一时间成立由管委会主任任组长的整改工作领导小组。共问责5人,其中诫勉谈话3人、党纪政务处分2人,"
                + "追回资金150.5万元,挽回损失200万元。");
        given().when().get("/reports/" + inspection + "/checks").then().statusCode(200)
                .body("publishable", equalTo(false))
                .body("disagreements.message", org.hamcrest.Matchers.contains(
                        containsString("问责5人 but 4人"), containsString("党纪政务处分2人 but 1人"),
                        containsString("挽回200万元 but 2000万元"), containsString("管委会主任 as 组长 but the leading group records 党工委书记")))
                .body("warnings.text", equalTo(java.util.List.of("第一部分写的是问责5人，记录的是问责4人。",
                        "第一部分写的是党纪政务处分2人，记录的是党纪政务处分1人。", "第一部分写的是挽回200万元，记录的挽回损失为2000万元。",
                        "第一部分写的是由管委会主任任组长，领导小组记录的组长是党工委书记。")));
        DraftSaves.publishing(inspection).when().post("/reports/" + inspection + "/versions")
                .then().statusCode(409).body("errors.field", hasSize(4));
        given().when().get("/reports/" + inspection + "/preview.md").then()
                .body(not(containsString("任组长,管委会主任")));

        draft(plan, publication, "第一时间成立由党工委书记任组长的整改工作领导小组。共问责4人,其中诫勉谈话3人、党纪政务处分1人,"
                + "追回资金150.5万元,挽回损失2000万元。");
        given().when().get("/reports/" + inspection + "/checks").then().body("publishable", equalTo(true));
    }

    @Test
    void aCorrectedOutcomeReplacesTheRecordedOneInTheFiguresAndAnOlderVersionArrivingLateChangesNothing() {
        Finding finding = Finding.withPublication();
        ContractEvents plan = finding.plan();
        UUID problem = finding.problem();
        UUID publication = finding.publication();
        String inspection = plan.inspectionId.toString();
        UUID talk = UUID.randomUUID();
        sendOutcome("AccountabilityOutcomeRecorded", talk, 1, plan, problem, "ADMONISHMENT_TALK", 2);
        outcome(plan, null, "PARTY_DISCIPLINE", 1);
        draft(plan, publication, "党工委坚决扛起巡视整改主体责任。");
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200).body(containsString("共问责3人，其中诫勉谈话2人、党纪处分1人。")));

        sendOutcome("AccountabilityOutcomeCorrected", talk, 2, plan, problem, "GOVERNMENT_SANCTION", 3);
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200).body(containsString("共问责4人，其中党纪处分1人、政务处分3人。"))
                .body(containsString("全力开展损失追偿工作。（未开始）针对该问题，共问责3人，均为政务处分。")));

        // the record as first recorded, delivered again (a replay, a late partition): the correction stands
        sendOutcome("AccountabilityOutcomeRecorded", talk, 1, plan, problem, "ADMONISHMENT_TALK", 2);
        UUID marker = UUID.randomUUID(); // sent after the stale one on the same topic: once it is read, so is the stale one
        sendOutcome("AccountabilityOutcomeRecorded", marker, 1, plan, null, "CRITICISM_EDUCATION", 5);
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200).body(containsString("共问责9人，其中批评教育5人、党纪处分1人、政务处分3人。")));
    }

    @Test
    void aCorrectedAmountReplacesTheRecordedOneInTheTotalsAndAnOlderVersionArrivingLateChangesNothing() {
        Finding finding = Finding.withPublication();
        ContractEvents plan = finding.plan();
        UUID problem = finding.problem();
        String inspection = plan.inspectionId.toString();
        UUID recovered = UUID.randomUUID();
        sendFunds("FundsRecovered", recovered, 1, plan, problem, "RECOVERED_FUNDS", "12.05");
        funds(plan, null, "RECOVERED_FUNDS", "30");
        draft(plan, finding.publication(), "党工委坚决扛起巡视整改主体责任。");
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200).body(containsString("追回资金42.05万元。"))
                .body(containsString("全力开展损失追偿工作。（未开始）针对该问题，追回资金12.05万元。")));

        // 12.05 was a slip of the decimal point: the ledger says 120.5
        sendFunds("RecoveredFundsCorrected", recovered, 2, plan, problem, "RECOVERED_FUNDS", "120.5");
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200).body(containsString("追回资金150.5万元。"))
                .body(containsString("全力开展损失追偿工作。（未开始）针对该问题，追回资金120.5万元。"))
                .body(not(containsString("12.05"))));

        // the entry as first recorded, delivered again (a replay, a late partition): the correction stands
        sendFunds("FundsRecovered", recovered, 1, plan, problem, "RECOVERED_FUNDS", "12.05");
        // sent after the stale one on the same topic: once it is read, so is the stale one
        funds(plan, null, "RETRIEVED_LOSSES", "2000");
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200).body(containsString("追回资金150.5万元，挽回损失2000万元。"))
                .body(containsString("全力开展损失追偿工作。（未开始）针对该问题，追回资金120.5万元。")));
    }

    /**
     * A retry stored the same outcome and the same amount twice (the review's 「共问责4人…追回资金241万元」): each
     * duplicate withdrawn (撤销登记) leaves section 一 and the finding's sentence, and the record as first
     * recorded, delivered again late, does not bring it back.
     */
    @Test
    void aWithdrawnDuplicateLeavesEveryFigureAndAnOlderVersionArrivingLateDoesNotBringItBack() {
        Finding finding = Finding.withPublication();
        ContractEvents plan = finding.plan();
        UUID problem = finding.problem();
        String inspection = plan.inspectionId.toString();
        UUID duplicateTalk = UUID.randomUUID();
        UUID duplicateFunds = UUID.randomUUID();
        outcome(plan, problem, "ADMONISHMENT_TALK", 2);
        sendOutcome("AccountabilityOutcomeRecorded", duplicateTalk, 1, plan, problem, "ADMONISHMENT_TALK", 2);
        funds(plan, problem, "RECOVERED_FUNDS", "120.5");
        sendFunds("FundsRecovered", duplicateFunds, 1, plan, problem, "RECOVERED_FUNDS", "120.5");
        draft(plan, finding.publication(), "党工委坚决扛起巡视整改主体责任。");
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200).body(containsString("共问责4人，均为诫勉谈话；追回资金241万元。")));

        sendOutcome("AccountabilityOutcomeWithdrawn", duplicateTalk, 2, plan, problem, "ADMONISHMENT_TALK", 2);
        sendFunds("RecoveredFundsWithdrawn", duplicateFunds, 2, plan, problem, "RECOVERED_FUNDS", "120.5");
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200).body(containsString("共问责2人，均为诫勉谈话；追回资金120.5万元。"))
                .body(containsString("全力开展损失追偿工作。（未开始）针对该问题，共问责2人，均为诫勉谈话；追回资金120.5万元。"))
                .body(not(containsString("241万元"))).body(not(containsString("问责4人"))));

        // the duplicates as first recorded, delivered again (a replay, a late partition): still withdrawn
        sendOutcome("AccountabilityOutcomeRecorded", duplicateTalk, 1, plan, problem, "ADMONISHMENT_TALK", 2);
        sendFunds("FundsRecovered", duplicateFunds, 1, plan, problem, "RECOVERED_FUNDS", "120.5");
        // sent after the stale ones on the same topic: once it is read, so are they
        outcome(plan, null, "PARTY_DISCIPLINE", 1);
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/reports/" + inspection + "/preview.md")
                .then().statusCode(200).body(containsString("共问责3人，其中诫勉谈话2人、党纪处分1人；追回资金120.5万元。")));
        // a draft still saying the duplicated figures is held to what stands recorded
        draft(plan, finding.publication(), "共问责5人,其中诫勉谈话4人、党纪处分1人,追回资金241万元。");
        given().when().get("/reports/" + inspection + "/checks").then().statusCode(200)
                .body("publishable", equalTo(false))
                .body("disagreements.message", org.hamcrest.Matchers.hasItem(containsString("问责5人 but 3人")));
        draft(plan, finding.publication(), "共问责3人,其中诫勉谈话2人、党纪处分1人,追回资金120.5万元。");
        given().when().get("/reports/" + inspection + "/checks").then().statusCode(200)
                .body("disagreements", hasSize(0));
    }

    /** An inspection with one finding (加强廉政风险防控) and its task, and a publication to bind the draft to. */
    private record Finding(ContractEvents plan, UUID problem, UUID publication) {

        static Finding withPublication() {
            ContractEvents plan = new ContractEvents();
            plan.registerInspection();
            UUID area = plan.registerArea(1, "落实全面从严治党不到位");
            UUID problem = plan.registerProblem(area, 1, "加强廉政风险防控");
            ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), area, problem, 1, "PLANNED", "2025-06-30")
                    .put("title", "强化重点项目监管").put("progressNarrative", "全力开展损失追偿工作。"), 1);
            return new Finding(plan, problem, plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00"));
        }
    }

    private static void outcome(ContractEvents plan, UUID problem, String kind, int people) {
        sendOutcome("AccountabilityOutcomeRecorded", UUID.randomUUID(), 1, plan, problem, kind, people);
    }

    private static void sendOutcome(String type, UUID id, long version, ContractEvents plan, UUID problem, String kind,
                                    int people) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("id", id.toString());
        outcome.put("version", version);
        outcome.put("inspectionId", plan.inspectionId.toString());
        outcome.put("problemId", problem == null ? null : problem.toString());
        outcome.put("kind", kind);
        outcome.put("people", people);
        outcome.put("decidedOn", "2024-11-20");
        outcome.put("source", "区纪委监委通报");
        ContractEvents.send(EventTopics.TASKS, type, "AccountabilityOutcome", id, version, Map.of("outcome", outcome));
    }

    private static void funds(ContractEvents plan, UUID problem, String kind, String amount) {
        sendFunds("FundsRecovered", UUID.randomUUID(), 1, plan, problem, kind, amount);
    }

    private static void sendFunds(String type, UUID id, long version, ContractEvents plan, UUID problem, String kind,
                                  String amount) {
        Map<String, Object> funds = new LinkedHashMap<>();
        funds.put("id", id.toString());
        funds.put("version", version);
        funds.put("inspectionId", plan.inspectionId.toString());
        funds.put("problemId", problem == null ? null : problem.toString());
        funds.put("kind", kind);
        funds.put("amountWanYuan", new java.math.BigDecimal(amount));
        funds.put("recordedOn", "2025-03-31");
        funds.put("source", "损失追偿台账");
        ContractEvents.send(EventTopics.TASKS, type, "RecoveredFunds", id, version, Map.of("funds", funds));
    }

    private static void draft(ContractEvents plan, UUID publication, String leadership) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("leadershipResponsibility", leadership);
        draft.put("nextSteps", "持续巩固整改成果。");
        draft.put("issuer", "中共沈阳高新技术产业开发区工作委员会");
        draft.put("issuedOn", "2025-11-06");
        draft.put("publicationId", publication.toString());
        await().atMost(WAIT).untilAsserted(() -> DraftSaves.save(plan.inspectionId, draft).statusCode(200));
    }
}
