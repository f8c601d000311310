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

/**
 * What a measure's text says is held to the report: a closed-out measure names no date after the
 * report's, nor does section 一; a text names an indicator with no other value than its figure.
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
