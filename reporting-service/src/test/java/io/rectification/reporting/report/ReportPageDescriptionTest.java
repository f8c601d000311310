package io.rectification.reporting.report;

import io.rectification.reporting.report.ReportText.Block;
import io.rectification.reporting.report.ReportText.Kind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The page's summary for search results and shared links (its meta description): the opening paragraph. */
@Tag("fast")
class ReportPageDescriptionTest {

    private static final String OPENING = "2024年4月7日至6月20日，省委第七巡视组对沈阳高新区进行了专项巡视。";

    @Test
    void theOpeningParagraphIsTheSummary() {
        assertEquals(OPENING, ReportPage.description(List.of(
                new Block(Kind.TITLE, "关于巡视整改进展情况的通报", null),
                new Block(Kind.PARAGRAPH, OPENING, null),
                new Block(Kind.SECTION, "一、领导班子履行主体责任情况", null),
                new Block(Kind.PARAGRAPH, "第二段", null))));
    }

    @Test
    void aLongOpeningIsCutAtTheLimitWithAnEllipsisAndNeverInsideACharacter() {
        // 𠀀 is outside the BMP (two chars in Java): the cut counts characters as a reader does.
        String opening = "𠀀".repeat(ReportPage.DESCRIPTION_LENGTH + 5);
        String description = ReportPage.description(List.of(new Block(Kind.TITLE, "标题", null),
                new Block(Kind.PARAGRAPH, opening, null)));
        assertEquals(ReportPage.DESCRIPTION_LENGTH, description.codePointCount(0, description.length()));
        assertEquals("𠀀".repeat(ReportPage.DESCRIPTION_LENGTH - 1) + "…", description);
        String exact = "字".repeat(ReportPage.DESCRIPTION_LENGTH);
        assertEquals(exact, ReportPage.description(List.of(new Block(Kind.TITLE, "标题", null), new Block(Kind.PARAGRAPH, exact, null))));
    }

    @Test
    void withoutAParagraphTheTitleIs() {
        assertEquals("标题", ReportPage.description(List.of(new Block(Kind.TITLE, "标题", null))));
    }
}
