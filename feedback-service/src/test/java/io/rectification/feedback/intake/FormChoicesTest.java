package io.rectification.feedback.intake;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Ledger;
import io.rectification.feedback.Publications;
import io.rectification.feedback.ledger.LedgerReadModel;
import io.rectification.platform.testing.StaffTokens;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The form offers what the public report lists: the inspection's findings (problems of source PLAN)
 * and the areas holding one, numbered as the report numbers them. A citizen was offered an empty
 * area （六）群众反馈意见建议 (where escalated feedback lands) and a 举一反三 measure under （三）, which
 * the report counts as three problems.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class FormChoicesTest {

    @Inject
    LedgerReadModel ledger;

    @Test
    void theChoicesAreTheInspectionsFindingsAsTheReportListsAndNumbersThem() {
        String publication = Publications.openNow();
        UUID inspection = UUID.fromString(given().get("/publications/" + publication).then().extract().path("inspectionId"));
        UUID leadership = UUID.randomUUID();
        UUID reform = UUID.randomUUID();
        UUID funds = UUID.randomUUID();
        UUID publicFeedback = UUID.randomUUID();
        Ledger.area(inspection, leadership, 1, "落实全面从严治党主体责任不到位");
        Ledger.area(inspection, reform, 2, "推进管理机制改革不彻底"); // no problem yet
        Ledger.area(inspection, funds, 3, "规范资金资产使用管理不到位");
        Ledger.area(inspection, publicFeedback, 6, "群众反馈意见建议");
        UUID accountability = UUID.randomUUID();
        Ledger.problem(inspection, leadership, accountability, 1, "主体责任压得不实", "PLAN", null, 0, 0);
        List<UUID> tasks = new java.util.ArrayList<>();
        tasks.add(task(inspection, leadership, accountability, 1, "健全党委主体责任清单"));
        tasks.add(task(inspection, leadership, accountability, 2, "开展约谈提醒"));
        for (int number = 1; number <= 3; number++) {
            UUID problem = UUID.randomUUID();
            Ledger.problem(inspection, funds, problem, number, "资金问题" + number, "PLAN", null, 0, 0);
            tasks.add(task(inspection, funds, problem, 1, "整改资金问题" + number));
        }
        // real work beside the findings, never among them: 举一反三 under （三）, escalated feedback under （六）
        UUID analogy = UUID.randomUUID();
        Ledger.problem(inspection, funds, analogy, 4, "举一反三排查奖补资金", "ANALOGY", null, 0, 0);
        tasks.add(task(inspection, funds, analogy, 1, "排查招商引资奖补资金兑现情况"));
        UUID escalated = UUID.randomUUID();
        Ledger.problem(inspection, publicFeedback, escalated, 1, "群众反映停车难", "FEEDBACK", UUID.randomUUID(), 0, 0);
        tasks.add(task(inspection, publicFeedback, escalated, 1, "增设公共停车泊位"));
        // every event read, those the choices leave out too
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> ledger.area(reform).isPresent()
                        && ledger.area(publicFeedback).isPresent()
                        && Stream.of(accountability, analogy, escalated).allMatch(p -> ledger.problem(p).isPresent())
                        && tasks.stream().allMatch(t -> ledger.task(t).isPresent())));

        String body = given().get("/publications/" + publication + "/form-choices").then().statusCode(200)
                .extract().asString();
        JsonPath choices = JsonPath.from(body);
        assertEquals(List.of("（一）", "（三）"), choices.getList("areas.numbering"), body);
        assertEquals(List.of(1, 3), choices.getList("areas.number"), body);
        assertEquals(List.of("落实全面从严治党主体责任不到位", "规范资金资产使用管理不到位"), choices.getList("areas.title"));
        assertEquals(List.of("1.一是", "1.二是"), choices.getList("areas[0].measures.numbering"));
        assertEquals(List.of("1.一是", "2.一是", "3.一是"), choices.getList("areas[1].measures.numbering"),
                "（三） holds the report's three problems");
        assertEquals(List.of(1, 2, 3), choices.getList("areas[1].measures.problemNumber"));
        assertFalse(body.contains("排查招商引资奖补资金兑现情况"), "a 举一反三 measure is not a finding's");
        assertFalse(body.contains("群众反馈意见建议") || body.contains("增设公共停车泊位"), "nor the escalated feedback's area");
    }

    /**
     * 撤销: a measure, a finding with its measure and an area with its finding and measure, cancelled by the
     * office (entered by mistake), are no longer offered; the standing ones are, numbered as the report now
     * numbers them: those after a cancelled one move up, leaving no gap.
     */
    @Test
    void whatTheOfficeCancelledIsNoLongerOffered() {
        String publication = Publications.openNow();
        UUID inspection = UUID.fromString(given().get("/publications/" + publication).then().extract().path("inspectionId"));
        UUID kept = UUID.randomUUID();
        UUID mistaken = UUID.randomUUID();
        Ledger.area(inspection, kept, 1, "落实全面从严治党主体责任不到位");
        Ledger.area(inspection, mistaken, 2, "另一轮巡视的方面");
        UUID funds = UUID.randomUUID();
        Ledger.area(inspection, funds, 3, "规范资金资产使用管理不到位");
        UUID standing = UUID.randomUUID();
        UUID twice = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID ofFunds = UUID.randomUUID();
        Ledger.problem(inspection, kept, standing, 1, "主体责任压得不实", "PLAN", null, 0, 0);
        Ledger.problem(inspection, kept, twice, 2, "重复导入的问题", "PLAN", null, 0, 0);
        Ledger.problem(inspection, kept, after, 3, "监督责任落实不到位", "PLAN", null, 0, 0);
        Ledger.problem(inspection, mistaken, other, 1, "其他巡视组的问题", "PLAN", null, 0, 0);
        Ledger.problem(inspection, funds, ofFunds, 1, "资金问题", "PLAN", null, 0, 0);
        UUID keptTask = task(inspection, kept, standing, 1, "健全党委主体责任清单");
        UUID twiceEntered = task(inspection, kept, standing, 2, "重复录入的措施");
        UUID thirdTask = task(inspection, kept, standing, 3, "开展约谈提醒");
        UUID ofTwice = task(inspection, kept, twice, 1, "重复问题的措施");
        UUID ofAfter = task(inspection, kept, after, 1, "健全监督清单");
        UUID ofOther = task(inspection, mistaken, other, 1, "其他巡视的措施");
        UUID fundsTask = task(inspection, funds, ofFunds, 1, "整改资金问题");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String offered = given().get("/publications/" + publication + "/form-choices").then().extract().asString();
            return Stream.of("其他巡视的措施", "开展约谈提醒", "健全监督清单", "整改资金问题").allMatch(offered::contains);
        });
        JsonPath before = JsonPath.from(given().get("/publications/" + publication + "/form-choices").then()
                .statusCode(200).extract().asString());
        assertEquals(List.of("（一）", "（二）", "（三）"), before.getList("areas.numbering"));
        assertEquals(List.of("1.一是", "1.二是", "1.三是", "2.一是", "3.一是"), before.getList("areas[0].measures.numbering"));

        Ledger.cancelTask(inspection, kept, standing, twiceEntered, 2, "重复录入的措施", 1);
        Ledger.cancelTask(inspection, kept, twice, ofTwice, 1, "重复问题的措施", 1);
        Ledger.cancelProblem(inspection, kept, twice, 2, "重复导入的问题", "PLAN", 1);
        Ledger.cancelTask(inspection, mistaken, other, ofOther, 1, "其他巡视的措施", 1);
        Ledger.cancelProblem(inspection, mistaken, other, 1, "其他巡视组的问题", "PLAN", 1);
        Ledger.cancelArea(inspection, mistaken, 2, "另一轮巡视的方面", 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> Stream.of(ledger.area(mistaken), ledger.problem(twice),
                        ledger.problem(other), ledger.task(twiceEntered), ledger.task(ofTwice), ledger.task(ofOther))
                        .allMatch(part -> part.map(LedgerReadModel.Placement::cancelled).orElse(false))));

        String body = given().get("/publications/" + publication + "/form-choices").then().statusCode(200)
                .extract().asString();
        JsonPath choices = JsonPath.from(body);
        assertEquals(List.of("（一）", "（二）"), choices.getList("areas.numbering"), body);
        assertEquals(List.of(1, 2), choices.getList("areas.number"), body);
        assertEquals(List.of(keptTask.toString(), thirdTask.toString(), ofAfter.toString()),
                choices.getList("areas[0].measures.id"), body);
        assertEquals(List.of("1.一是", "1.二是", "2.一是"), choices.getList("areas[0].measures.numbering"), body);
        assertEquals(List.of(1, 1, 2), choices.getList("areas[0].measures.problemNumber"), body);
        assertEquals(List.of(1, 2, 1), choices.getList("areas[0].measures.number"), body);
        assertEquals(List.of(fundsTask.toString()), choices.getList("areas[1].measures.id"), body);
        assertEquals(List.of("1.一是"), choices.getList("areas[1].measures.numbering"), body);
        assertFalse(body.contains("重复") || body.contains("其他巡视"), body);
    }

    private static UUID task(UUID inspection, UUID area, UUID problem, int number, String title) {
        UUID id = UUID.randomUUID();
        Ledger.task(inspection, area, problem, id, number, title, "IN_PROGRESS", 0, 0);
        return id;
    }
}
