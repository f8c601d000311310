package io.rectification.tasks.plan;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clerks copy titles from the notice with its numbers; the lists add their own, so the task list read
 * "（一）（一）贯彻落实不到位" and "(一)2. 1.招商不力", and １．招商不力, 1.招商不力 and 1. 招商不力。 became three problems.
 */
@Tag("fast")
class PlanTitlesTest {

    @Test
    void aClerksOwnLeadingNumberingIsRemoved() {
        assertStripped("（一）贯彻落实党中央决策部署不到位", "贯彻落实党中央决策部署不到位", "（一）");
        assertStripped("(一) 贯彻落实党中央决策部署不到位", "贯彻落实党中央决策部署不到位", "(一)");
        assertStripped("（十二）作风建设", "作风建设", "（十二）");
        assertStripped("一、贯彻落实不到位", "贯彻落实不到位", "一、");
        assertStripped("1.招商不力", "招商不力", "1.");
        assertStripped("１．招商不力", "招商不力", "１．");
        assertStripped("1. 招商不力。", "招商不力。", "1.");
        assertStripped("12、招商不力", "招商不力", "12、");
        assertStripped("（1）招商不力", "招商不力", "（1）");
        assertStripped("(3)招商不力", "招商不力", "(3)");
        assertStripped("一是建立项目跟踪机制", "建立项目跟踪机制", "一是");
        assertStripped("十一是建立台账", "建立台账", "十一是");
        assertStripped("　（二）　作风建设", "作风建设", "（二）");
        assertStripped("（一）1.招商不力", "招商不力", "（一）1.");
    }

    @Test
    void whatIsNoNumberingIsKept() {
        assertStripped("招商不力", "招商不力", "");
        assertStripped("1.5亿元欠款未兑付", "1.5亿元欠款未兑付", "");
        assertStripped("2024年以来招商不力", "2024年以来招商不力", "");
        assertStripped("一把手责任落实不到位", "一把手责任落实不到位", "");
        // a title that is only a number stays as written (and is then refused or kept as the clerk's)
        assertStripped("（一）", "（一）", "");
    }

    /** One rule for "the same title": numbering, blanks, full-width letters and digits and a final 。/；aside. */
    @Test
    void titlesDifferingOnlyInNumberingWidthBlanksOrAFinalStopAreTheSame() {
        String key = SimilarTitles.key("招商不力");
        assertEquals(key, SimilarTitles.key("１．招商不力"));
        assertEquals(key, SimilarTitles.key("1.招商不力"));
        assertEquals(key, SimilarTitles.key("1. 招商不力。"));
        assertEquals(key, SimilarTitles.key("招商 不力；"));
        assertEquals(SimilarTitles.key("（一）贯彻落实党中央决策部署不到位"), SimilarTitles.key("(一)贯彻落实党中央决策部署不到位"));
        assertEquals(SimilarTitles.key("PPP项目"), SimilarTitles.key("ＰＰＰ 项目"));
        assertNotEquals(key, SimilarTitles.key("招商引资不力"));
        assertTrue(SimilarTitles.similar("招商不力", "招商引资不力"), "two characters apart: a near-duplicate");
        assertFalse(SimilarTitles.similar("招商不力", "财政收入下滑明显"));
    }

    private static void assertStripped(String title, String kept, String numbering) {
        PlanTitles.Stripped stripped = PlanTitles.strip(title);
        assertEquals(kept, stripped.title(), title);
        assertEquals(numbering, stripped.numbering(), title);
    }
}
