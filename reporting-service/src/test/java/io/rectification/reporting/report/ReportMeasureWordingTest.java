package io.rectification.reporting.report;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.rectification.reporting.report.SectionTwoReports.figure;
import static io.rectification.reporting.report.SectionTwoReports.measure;
import static io.rectification.reporting.report.SectionTwoReports.people;
import static io.rectification.reporting.report.SectionTwoReports.problemParagraph;
import static io.rectification.reporting.report.SectionTwoReports.report;
import static io.rectification.reporting.report.SectionTwoReports.text;
import static io.rectification.reporting.report.SectionTwoReports.withMeasures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Section 二 says what is true today: a measure not closed out says where it stands, a figure its text
 * states is not said twice, accountability is the problem's, and a problem without measures says so.
 */
@Tag("fast")
class ReportMeasureWordingTest {

    @Test
    void aMeasureNotClosedOutSaysWhereItStandsInTheProgressPagesWords() {
        String paragraph = problemParagraph(withMeasures(
                measure(1, "结合实际制定扶持政策", "制定实施若干政策措施。", "VERIFIED", 100),
                measure(2, "提升主导产业招商质量", "问题清单做到立行立改，目前已全部整改完毕。", "PLANNED", 0),
                measure(3, "提升招引外资成效", "对接企业、深入洽谈。", "IN_PROGRESS", 60),
                measure(4, "强化资产管理", "组建清缴小组。", "COMPLETION_CLAIMED", 100),
                measure(5, "整治懒政怠政问题", "确保各项工作平稳运行。", "REOPENED", 100),
                measure(6, "强化履约监管", "形成长效监管机制。", "CONSOLIDATING", 100)));
        assertEquals("1.提升招商引资工作成效。一是结合实际制定扶持政策。制定实施若干政策措施。"
                + "二是提升主导产业招商质量。问题清单做到立行立改，目前已全部整改完毕。（未开始）"
                + "三是提升招引外资成效。对接企业、深入洽谈。（整改中，已完成60%）"
                + "四是强化资产管理。组建清缴小组。（已完成，待核验）"
                + "五是整治懒政怠政问题。确保各项工作平稳运行。（“回头看”后再整改）"
                + "六是强化履约监管。形成长效监管机制。", paragraph);
        // one mapping of states to words: the progress page's badges are the same
        for (String state : List.of("PLANNED", "IN_PROGRESS", "COMPLETION_CLAIMED", "REOPENED")) {
            assertTrue(paragraph.contains("（" + PublicStates.label(state)), state);
        }
    }

    @Test
    void aFigureTheTextAlreadyStatesIsNotRepeatedUnderMainIndicators() {
        String paragraph = problemParagraph(withMeasures(
                measure(1, "积极招聘事业编制人员", "高新区管委会通过公开招聘引进人才，空编率降低10%。", "VERIFIED", 100,
                        new Figure("空编率下降", new java.math.BigDecimal("10"), "%", "空编率")),
                measure(2, "提升主导产业招商质量", "新增亿元以上主导产业项目占比达93%，产业类用地出让收入同比增长16%。",
                        "VERIFIED", 100, figure("新增亿元以上主导产业项目占比", "93", "%"), figure("产业类用地出让收入同比增幅", "16", "%")),
                measure(3, "全力引进高层次人才", "开展宣讲招聘活动21次。", "VERIFIED", 100, figure("宣讲招聘活动", "21", "场"))));
        assertTrue(paragraph.contains("空编率降低10%。二是"), paragraph);
        assertFalse(paragraph.contains("主要指标：空编率"), paragraph);
        // the one the text states is left out, the other stays
        assertTrue(paragraph.contains("同比增长16%。主要指标：产业类用地出让收入同比增幅16%。三是"), paragraph);
        // the same number in another unit is not the figure said again
        assertTrue(paragraph.endsWith("宣讲招聘活动21次。主要指标：宣讲招聘活动21场。"), paragraph);
    }

    @Test
    void aProblemsAccountabilityIsASentenceOfItsOwnAfterItsMeasures() {
        String oneKind = problemParagraph(report(List.of("党工委坚决扛起巡视整改主体责任。"), Accountability.Figures.NONE,
                people(Map.of("ADMONISHMENT_TALK", 2), "120.5"), List.of(),
                List.of(measure(1, "强化资产管理", "组建清缴小组。", "VERIFIED", 100),
                        measure(2, "专项整治", "强化日常监管。", "VERIFIED", 100))));
        assertTrue(oneKind.endsWith("二是专项整治。强化日常监管。针对该问题，共问责2人，均为诫勉谈话；追回资金120.5万元。"), oneKind);

        String severalKinds = problemParagraph(report(List.of("党工委坚决扛起巡视整改主体责任。"), Accountability.Figures.NONE,
                people(Map.of("ADMONISHMENT_TALK", 3, "PARTY_DISCIPLINE", 1), "0"), List.of(),
                List.of(measure(1, "强化资产管理", "组建清缴小组。", "VERIFIED", 100))));
        assertTrue(severalKinds.endsWith("组建清缴小组。针对该问题，共问责4人，其中诫勉谈话3人、党纪处分1人。"), severalKinds);
    }

    @Test
    void sectionOnesAccountabilityIsAPointOfItsOwn() {
        Accountability.Figures total = people(Map.of("ADMONISHMENT_TALK", 2, "PARTY_DISCIPLINE", 1), "120.5");
        List<String> numbered = List.of("党工委坚决贯彻落实党中央决策部署。", "（一）主要负责同志高度重视", "党工委书记认真履行第一责任人责任。",
                "（二）紧盯进度、严把质量，确保巡视整改扎实有效", "强化过程管控。");
        String text = text(report(numbered, total, Accountability.Figures.NONE, List.of(), List.of()));
        assertTrue(text.contains("强化过程管控。\n（三）严肃追责问责，推动整改落地见效\n"
                + "巡视整改以来，共问责3人，其中诫勉谈话2人、党纪处分1人；追回资金120.5万元。\n二、巡视整改落实情况"), text);

        String plain = text(report(List.of("党工委坚决扛起巡视整改主体责任。"), people(Map.of("ADMONISHMENT_TALK", 2), "0"),
                Accountability.Figures.NONE, List.of(), List.of()));
        assertTrue(plain.contains("党工委坚决扛起巡视整改主体责任。\n坚持严肃追责问责，巡视整改以来共问责2人，均为诫勉谈话。\n"), plain);
    }

    @Test
    void sectionOnesNumberedPointsAreHeadingsAsSectionTwosAreasAre() {
        Accountability.Figures total = people(Map.of("ADMONISHMENT_TALK", 2), "0");
        List<String> numbered = List.of("党工委坚决贯彻落实党中央决策部署。", "（一）主要负责同志高度重视，坚定不移把“两个维护”贯穿巡视整改工作始终",
                "党工委书记认真履行第一责任人责任。", "（二）提高站位。党工委坚决扛起巡视整改主体责任，全面加强组织领导。");
        List<ReportText.Block> blocks = ReportText.of(report(numbered, total, Accountability.Figures.NONE, List.of(), List.of()));
        List<String> headings = blocks.stream().filter(b -> b.kind() == ReportText.Kind.SUBSECTION).map(ReportText.Block::text)
                .toList();
        // a point's own line is its heading, the accountability point's too; a point run on into its text stays a paragraph
        assertEquals(List.of("（一）主要负责同志高度重视，坚定不移把“两个维护”贯穿巡视整改工作始终", "（三）严肃追责问责，推动整改落地见效",
                "（三）优化配置资源要素不够有力"), headings);
        assertTrue(blocks.stream().anyMatch(b -> b.kind() == ReportText.Kind.PARAGRAPH && b.text().startsWith("（二）提高站位。")),
                blocks::toString);
    }

    @Test
    void aProblemWithoutMeasuresSaysTheyAreBeingWorkedOut() {
        String text = text(report(List.of("党工委坚决扛起巡视整改主体责任。"), Accountability.Figures.NONE, Accountability.Figures.NONE,
                List.of(new ReportDocument.OtherProblem("FEEDBACK", "科技城部分标识牌夜间不亮", null, List.of())),
                List.of(measure(1, "强化工程项目监管", "已完成16处标识牌接电工作。", "VERIFIED", 100))));
        assertTrue(text.contains("\n群众反映：科技城部分标识牌夜间不亮。（正在研究制定整改措施）\n"), text);
    }

    @Test
    void theListedFiguresAreIntroducedWithoutSayingTheyAreOnlySomeOfTheDeclared() {
        ReportDocument declared = withMeasures(measure(1, "强化资产管理", "组建清缴小组。", "VERIFIED", 100));
        declared = new ReportDocument(declared.title(), declared.preamble(), null, declared.leadershipResponsibility(),
                declared.accountability(), declared.figures(), new DeclaredTotals(5, 46, 64),
                List.of("整改方案所列问题按反馈意见归并后逐项推进。"), declared.areas(), declared.otherSources(),
                declared.nextSteps(), null, declared.issuer(), declared.issuedOn(), null);
        String text = text(declared);
        assertTrue(text.contains("巡视反馈意见指出的5个方面46项具体问题，细化为64项整改任务。整改方案所列问题按反馈意见归并后逐项推进。"
                + "现将列入整改台账的1个方面1项具体问题、1项整改任务的落实情况公布如下，目前已完成销号1项。"), text);
        assertFalse(text.contains("其中1个方面"), text);
    }
}
