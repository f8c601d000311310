package io.rectification.reporting.report;

import io.rectification.reporting.report.ReportDocument.Area;
import io.rectification.reporting.report.ReportDocument.OtherProblem;
import io.rectification.reporting.report.ReportDocument.ProblemItem;
import io.rectification.reporting.report.ReportText.Block;
import io.rectification.reporting.report.ReportText.Kind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Where the page's 目录 and 返回目录 stand among the report's blocks: the 目录 before 一、, after the
 * opening; a 返回目录 closing each area of section 二, before the next area, the part for problems of
 * other sources and 三、, and none after that part, which the 目录 does not list.
 */
@Tag("fast")
class ReportContentsTest {

    @Test
    void theContentsComeBeforeSectionOneAndEachAreaEndsWithTheWayBack() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        ReportDocument base = SectionTwoReports.withMeasures();
        ReportDocument report = new ReportDocument(base.title(), base.preamble(), null, base.leadershipResponsibility(),
                base.accountability(), base.figures(), base.declared(), List.of(),
                List.of(new Area(first, 1, "政治监督方面", List.of(problem("营商环境问题"), problem("项目监管问题"))),
                        new Area(second, 2, "作风建设方面", List.of(problem("文山会海问题")))),
                List.of(new OtherProblem("SELF_FOUND", "公务用车管理不规范", null, List.of())), base.nextSteps(), null,
                base.issuer(), base.issuedOn(), null);

        List<ReportContents.Entry> entries = ReportContents.of(report);
        assertEquals(List.of(new ReportContents.Entry("（一）政治监督方面", "area-" + first, 2),
                new ReportContents.Entry("（二）作风建设方面", "area-" + second, 1)), entries);

        List<Block> blocks = ReportText.of(report);
        List<Block> body = ReportContents.placed(blocks.subList(1, blocks.size()), entries);
        List<String> placed = body.stream()
                .filter(b -> b.kind() != Kind.PARAGRAPH)
                .map(b -> b.kind() + (b.anchor() == null ? "" : " " + b.anchor().substring(0, b.anchor().indexOf('-')))
                        + " " + b.text())
                .toList();
        assertEquals(List.of("CONTENTS 目录", "SECTION section 一、领导班子履行主体责任情况",
                "SECTION section 二、巡视整改落实情况",
                "SUBSECTION area （一）政治监督方面", "BACK 返回目录", "SUBSECTION area （二）作风建设方面", "BACK 返回目录",
                "SUBSECTION 巡视反馈意见以外发现问题的整改情况", "SECTION section 三、下一步工作打算", "SIGNATURE "
                        + report.issuer(), "SIGNATURE 2026年11月6日"), placed);
        // the 目录 lists the whole document's sections, the areas under 二 only
        assertEquals(List.of(new ReportContents.Section("一、领导班子履行主体责任情况", "section-1", List.of()),
                new ReportContents.Section("二、巡视整改落实情况", "section-2", entries),
                new ReportContents.Section("三、下一步工作打算", "section-3", List.of())), ReportContents.sections(body, entries));
        // each finding's paragraph can be linked to as well
        assertEquals(3, blocks.stream().filter(b -> b.anchor() != null && b.anchor().startsWith("finding-")).count());
    }

    @Test
    void withoutAreasThereIsNoContents() {
        ReportDocument base = SectionTwoReports.withMeasures();
        ReportDocument report = new ReportDocument(base.title(), base.preamble(), null, base.leadershipResponsibility(),
                base.accountability(), base.figures(), base.declared(), List.of(), List.of(), List.of(),
                base.nextSteps(), null, base.issuer(), base.issuedOn(), null);
        List<Block> blocks = ReportText.of(report);
        assertEquals(blocks.subList(1, blocks.size()), ReportContents.placed(blocks.subList(1, blocks.size()),
                ReportContents.of(report)));
    }

    private static ProblemItem problem(String title) {
        return new ProblemItem(UUID.randomUUID(), 1, title, List.of(), Accountability.Figures.NONE);
    }
}
