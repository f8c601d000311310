package io.rectification.reporting.report;

import io.rectification.reporting.report.ReportDocument.Area;
import io.rectification.reporting.report.ReportDocument.Figures;
import io.rectification.reporting.report.ReportDocument.Measure;
import io.rectification.reporting.report.ReportDocument.OtherProblem;
import io.rectification.reporting.report.ReportDocument.Preamble;
import io.rectification.reporting.report.ReportDocument.ProblemItem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reports built in memory for the plain tests of the report's wording and checks. */
final class SectionTwoReports {

    static final LocalDate ISSUED_ON = LocalDate.of(2026, 11, 6);

    private SectionTwoReports() {
    }

    static Measure measure(int number, String title, String text, String state, int percent, Figure... figures) {
        return new Measure(UUID.nameUUIDFromBytes(title.getBytes(java.nio.charset.StandardCharsets.UTF_8)), number, title,
                text, "progressNarrative", List.of(figures), state, percent);
    }

    static Figure figure(String name, String value, String unit) {
        return new Figure(name, new BigDecimal(value), unit);
    }

    /** People by kind in the notice's order of kinds, as the read models give them. */
    static Accountability.Figures people(Map<String, Integer> byKind, String recoveredWanYuan) {
        Map<String, Integer> ordered = new java.util.LinkedHashMap<>();
        Accountability.KINDS.keySet().stream().filter(byKind::containsKey).forEach(kind -> ordered.put(kind, byKind.get(kind)));
        return new Accountability.Figures(ordered, new BigDecimal(recoveredWanYuan), BigDecimal.ZERO);
    }

    /** One area (（三）) with one problem (1.) holding the measures. */
    static ReportDocument withMeasures(Measure... measures) {
        return report(List.of("党工委坚决扛起巡视整改主体责任。"), Accountability.Figures.NONE, Accountability.Figures.NONE,
                List.of(), List.of(measures));
    }

    static ReportDocument report(List<String> sectionOne, Accountability.Figures total, Accountability.Figures ofProblem,
                                 List<OtherProblem> others, List<Measure> measures) {
        int closed = (int) measures.stream().filter(Measure::closed).count();
        return new ReportDocument("省委第七巡视组专项巡视沈阳高新区",
                new Preamble("省委第七巡视组", "沈阳高新区", "SPECIAL", LocalDate.of(2026, 4, 7),
                        LocalDate.of(2026, 6, 20), LocalDate.of(2026, 8, 18)),
                null, sectionOne, total, new Figures(1, 1, measures.size(), closed), DeclaredTotals.NONE, List.of(),
                List.of(new Area(UUID.randomUUID(), 3, "优化配置资源要素不够有力",
                        List.of(new ProblemItem(UUID.randomUUID(), 1, "提升招商引资工作成效", measures, ofProblem)))),
                others, List.of("持续巩固整改成果。"), null, "中共沈阳高新技术产业开发区工作委员会", ISSUED_ON, null);
    }

    static String text(ReportDocument report) {
        return String.join("\n", ReportText.of(report).stream().map(ReportText.Block::text).toList());
    }

    /** The paragraph of section 二's one problem. */
    static String problemParagraph(ReportDocument report) {
        return ReportText.of(report).stream().map(ReportText.Block::text).filter(t -> t.startsWith("1.")).findFirst()
                .orElseThrow();
    }
}
