package io.rectification.reporting.report;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.rectification.reporting.report.SectionTwoReports.figure;
import static io.rectification.reporting.report.SectionTwoReports.measure;
import static io.rectification.reporting.report.SectionTwoReports.report;
import static io.rectification.reporting.report.SectionTwoReports.withMeasures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a measure's text says is held to the report: a closed-out measure names no date after the
 * report's, nor does section 一; one not closed out claims no completion and tells nothing after the
 * report's date as done; a text names an indicator with no other value than its figure.
 */
@Tag("fast")
class ReportTextChecksTest {

    static String field(String title) {
        return "tasks[" + UUID.nameUUIDFromBytes(title.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "].progressNarrative";
    }

    @Test
    void aClosedOutMeasureNamesNoDateAfterTheReports() {
        // the report is signed on 2026年11月6日
        List<ReportChecks.Finding> findings = ReportChecks.disagreements(withMeasures(
                measure(1, "落实主体责任", "2026年9月30日，党工委召开会议。2026年12月31日，召开党风廉政建设工作会议，2027年全面推开。",
                        "VERIFIED", 100),
                // next year's budget issued and next year's work planned are done now: the years are attributes
                measure(2, "强化职能", "2027年度财政预算已一次性下达，对2027年工作进行了部署；2028年完成评估。", "CONSOLIDATING", 100),
                measure(3, "整治形式主义问题", "2026年11月，发文总量同比下降45%；2026年11月6日印发。", "VERIFIED", 100),
                measure(4, "发展思路愈发清晰", "批复《总体发展规划（2022—2035年）》，有效期至2030年。", "VERIFIED", 100),
                measure(5, "优化高新区布局", "计划于2026年12月底前完成，2027年全面推开。", "IN_PROGRESS", 40)));
        assertEquals(List.of(field("落实主体责任"), field("强化职能")), findings.stream().map(ReportChecks.Finding::field).toList());
        assertEquals("第二部分（三）1.一是“落实主体责任”已销号，其文字却写到2026年12月31日、2027年，晚于署名日期2026年11月6日："
                + "请按已完成的情况更新整改进展。", findings.get(0).text());
        assertEquals("第二部分（三）1.二是“强化职能”已销号，其文字却写到2028年，晚于署名日期2026年11月6日：请按已完成的情况更新整改进展。",
                findings.get(1).text());
    }

    @Test
    void aMeasureNotClosedOutWhoseTextClaimsCompletionDisagrees() {
        List<ReportChecks.Finding> findings = ReportChecks.disagreements(withMeasures(
                measure(1, "发展思路愈发清晰", "依据已审批的各单元控制性详细规划，已完成《控制性详细规划》编制工作。", "PLANNED", 0),
                measure(2, "整治违反中央八项规定精神问题", "对集中整治问题开展专项治理行动，目前已全部整改完毕。共征集到66条建议，已全部立行立改。",
                        "IN_PROGRESS", 90),
                // a claim waits on the supervisor: not closed out yet
                measure(3, "基本完成三年行动阶段性目标", "地区生产总值、固定资产投资均已完成年初计划。", "COMPLETION_CLAIMED", 100),
                measure(4, "整治懒政怠政问题", "双创载体管理问题已整改到位。", "REOPENED", 100),
                // closed out: the text may say it is done
                measure(5, "结合实际制定扶持政策", "目前已全部整改完毕，已全部立行立改。", "VERIFIED", 100),
                measure(6, "强化履约监管", "已全部完成。", "CONSOLIDATING", 100),
                // work under way, a part done, what is not done and what is planned are no claims
                measure(7, "提升招引外资成效", "已完成60%。已完成调研，正在制定方案。尚未完成整改；确保年底前全部整改完毕，力争全面完成。"
                        + "问题清单未整改完毕。", "IN_PROGRESS", 60),
                measure(8, "强化工程项目监管", "目前，已完成16处标识牌接电工作。", "IN_PROGRESS", 40),
                // the figures printed under 主要指标 are the measure's words too
                measure(9, "征集意见建议", "广泛征求意见建议。", "IN_PROGRESS", 50, figure("征集意见建议（已全部立行立改）", "66", "条"))));
        assertEquals(List.of(field("发展思路愈发清晰"), field("整治违反中央八项规定精神问题"), field("基本完成三年行动阶段性目标"),
                field("整治懒政怠政问题"), field("征集意见建议").replace("progressNarrative", "indicators")),
                findings.stream().map(ReportChecks.Finding::field).toList(), findings::toString);
        assertEquals("第二部分（三）1.一是“发展思路愈发清晰”尚未销号（未开始），其文字却写“已完成”：请按目前的进展改写，"
                + "销号后再写完成。", findings.get(0).text());
        assertEquals("第二部分（三）1.二是“整治违反中央八项规定精神问题”尚未销号（整改中，已完成90%），其文字却写“已全部整改完毕”“已全部立行立改”："
                + "请按目前的进展改写，销号后再写完成。", findings.get(1).text());
        assertEquals("the text of task \"整治违反中央八项规定精神问题\" says 已全部整改完毕, 已全部立行立改 but the task is not closed out "
                + "(IN_PROGRESS): word it as the work stands, or close the task out first", findings.get(1).message());
        assertEquals("第二部分（三）1.三是“基本完成三年行动阶段性目标”尚未销号（已完成，待核验），其文字却写“均已完成”：请按目前的进展改写，"
                + "销号后再写完成。", findings.get(2).text());
        assertEquals("第二部分（三）1.九是“征集意见建议”尚未销号（整改中，已完成50%），其主要指标却写“已全部立行立改”：请按目前的进展改写，"
                + "销号后再写完成。", findings.get(4).text());
    }

    @Test
    void aMeasureNotClosedOutTellsNoLaterDateAsPast() {
        // the report is signed on 2026年11月6日; a measure under way may name what it plans for, not tell it as held
        List<ReportChecks.Finding> findings = ReportChecks.disagreements(withMeasures(
                measure(1, "落实主体责任", "2026年9月30日，党工委召开第15次会议。2026年12月31日，高新区召开2026年党风廉政建设工作会议，"
                        + "对2027年工作进行了部署。", "IN_PROGRESS", 75),
                measure(2, "强化监督工作", "2026年12月，修订了监督制度。", "PLANNED", 0),
                measure(3, "优化高新区布局", "计划于2026年12月31日召开专题会议；2026年12月底前完成方案，2027年将全面推开；"
                        + "拟于2027年3月1日印发。2027年全面推开。", "IN_PROGRESS", 40),
                measure(4, "强化资产管理", "2026年11月6日印发方案，2026年10月完成了清查。", "COMPLETION_CLAIMED", 100)));
        assertEquals(List.of(field("落实主体责任"), field("强化监督工作")), findings.stream().map(ReportChecks.Finding::field).toList(),
                findings::toString);
        assertEquals("第二部分（三）1.一是“落实主体责任”尚未销号，其文字却把2026年12月31日的事写成已经发生，晚于署名日期2026年11月6日："
                + "尚未发生的请写成计划（如“计划于…”）。", findings.get(0).text());
        assertEquals("the text of task \"落实主体责任\" tells of 2026年12月31日 as done, after the report's date 2026-11-06: "
                + "word what is still to come as planned", findings.get(0).message());
        assertTrue(findings.get(1).text().contains("把2026年12月的事写成已经发生"), findings.get(1).text());
    }

    @Test
    void aMonthIsLaterOnlyOnceItBeginsAfterTheReportsDay() {
        LocalDate day = LocalDate.of(2026, 11, 6);
        assertEquals(List.of(), ReportChecks.after("2026年11月、2026年、2026年11月6日", day));
        assertEquals(List.of("2026年12月", "2026年11月7日", "2027年"), ReportChecks.after("2026年12月，2026年11月7日，2027年度预算，2027年底", day));
        assertEquals(List.of(), ReportChecks.after("2026年13月40日", day));
    }

    @Test
    void sectionOneNamesNoDateAfterTheReports() {
        List<ReportChecks.Finding> findings = ReportChecks.disagreements(report(
                List.of("2026年9月2日，党工委召开会议。", "2026年11月19日，党工委召开会议，对巡视整改工作进行再动员。"),
                Accountability.Figures.NONE, Accountability.Figures.NONE, List.of(), List.of()));
        assertEquals(1, findings.size(), findings::toString);
        assertEquals("leadershipResponsibility", findings.get(0).field());
        assertEquals("第一部分写到2026年11月19日，晚于署名日期2026年11月6日：这一部分只写已经做到的事。", findings.get(0).text());
    }

    @Test
    void aTextNamingAnIndicatorWithAnotherValueThanItsFigureDisagrees() {
        List<ReportChecks.Finding> findings = ReportChecks.disagreements(withMeasures(
                measure(1, "提升主导产业招商质量", "2026年，新增亿元以上主导产业项目占比达92%，产业类用地出让收入同比增长16%。",
                        "VERIFIED", 100, figure("新增亿元以上主导产业项目占比", "93", "%"), figure("产业类用地出让收入同比增幅", "16", "%")),
                measure(2, "积极招聘事业编制人员", "空编率上升10%。", "IN_PROGRESS", 50,
                        new Figure("空编率下降", new java.math.BigDecimal("10"), "%", "空编率")),
                measure(3, "完成编制外人员清退工作", "精简编外人员至2026年底为14名，精简编外人员为14名。", "VERIFIED", 100,
                        figure("精简编外人员", "14", "名")),
                // where it started from is no statement of the figure
                measure(4, "压减空编", "空编率由15%降至5%。", "VERIFIED", 100, figure("空编率", "5", "%"))));
        assertEquals(List.of(field("提升主导产业招商质量"), field("积极招聘事业编制人员")),
                findings.stream().map(ReportChecks.Finding::field).toList());
        assertEquals("第二部分（三）1.一是“提升主导产业招商质量”的文字写的是“新增亿元以上主导产业项目占比达92%”，"
                + "主要指标却是新增亿元以上主导产业项目占比93%：请更新整改进展，或核对指标数值。", findings.get(0).text());
        assertEquals("the text of task \"提升主导产业招商质量\" states 新增亿元以上主导产业项目占比达92% but the report prints "
                + "新增亿元以上主导产业项目占比93% beside it", findings.get(0).message());
        // the same number the other way: 上升 where the figure is a fall
        assertEquals("第二部分（三）1.二是“积极招聘事业编制人员”的文字写的是“空编率上升10%”，主要指标却是空编率下降10%："
                + "请更新整改进展，或核对指标数值。", findings.get(1).text());
    }
}
