package io.rectification.reporting.report;

import io.rectification.reporting.report.ReportDocument.Area;
import io.rectification.reporting.report.ReportDocument.Disclosure;
import io.rectification.reporting.report.ReportDocument.Figures;
import io.rectification.reporting.report.ReportDocument.Links;
import io.rectification.reporting.report.ReportDocument.Measure;
import io.rectification.reporting.report.ReportDocument.OtherProblem;
import io.rectification.reporting.report.ReportDocument.Preamble;
import io.rectification.reporting.report.ReportDocument.ProblemItem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's own wording uses full-width Chinese punctuation, as the printed notice does (，：；（）),
 * and what its users wrote is kept as they wrote it.
 */
@Tag("fast")
class ReportPunctuationTest {

    /** ASCII punctuation beside a Chinese character, on either side. */
    static final Pattern ASCII_BESIDE_CHINESE =
            Pattern.compile("[\\p{IsHan}“”。][,:;()!?]|[,:;()!?][\\p{IsHan}“”]");

    @Test
    void theFixedWordingIsFullWidth() {
        List<ReportText.Block> blocks = ReportText.of(report("公务用车管理不规范", "建立公务用车台账"));
        StringBuilder all = new StringBuilder();
        for (ReportText.Block block : blocks) {
            if (block.kind() != ReportText.Kind.QR_CODE) {
                all.append(block.text()).append('\n');
            }
        }
        Matcher ascii = ASCII_BESIDE_CHINESE.matcher(all);
        assertTrue(!ascii.find(), () -> "ASCII punctuation at '" + all.substring(Math.max(0, ascii.start() - 12),
                Math.min(all.length(), ascii.end() + 12)) + "' in:\n" + all);
        String text = all.toString();
        for (String expected : List.of("2024年4月7日至6月20日，省委第七巡视组对", "2024年8月18日，省委第七巡视组向",
                "按照《巡视工作条例》有关要求，现将", "（一）贯彻落实党中央决策部署不到位",
                "巡视反馈意见指出的1个方面1项具体问题，细化为1项整改任务，目前已完成销号0项。",
                "自查发现：公务用车管理不规范。", "主要指标：整改率92%；台账100个。", "如有意见建议，请及时向我们反映。",
                "公开期限：2025年11月6日至11月13日", "联系电话：024-83752107（工作日9:00—17:30）",
                "邮政信箱：沈阳市浑南区", "网上提交意见建议：")) {
            assertTrue(text.contains(expected), expected + " is not in:\n" + text);
        }
    }

    @Test
    void whatUsersWroteIsNotRewritten() {
        String typed = "公务用车管理不规范,台账缺失";
        String text = ReportText.of(report(typed, "建立台账,逐辆登记")).stream().map(ReportText.Block::text)
                .reduce("", (a, b) -> a + b + "\n");
        assertTrue(text.contains("自查发现：" + typed + "。"), text);
        assertTrue(text.contains("建立台账,逐辆登记"), text);
        assertEquals(1, text.split("逐辆登记", -1).length - 1, text);
    }

    private static ReportDocument report(String otherTitle, String measureText) {
        Measure measure = new Measure(java.util.UUID.randomUUID(), 1, "优化营商环境", measureText, "progressNarrative",
                List.of(new Figure("整改率", new BigDecimal("92"), "%"), new Figure("台账", new BigDecimal("100"), "个")),
                "VERIFIED", 100);
        return new ReportDocument("省委第七巡视组专项巡视沈阳高新区",
                new Preamble("省委第七巡视组", "沈阳高新区", "SPECIAL", LocalDate.of(2024, 4, 7),
                        LocalDate.of(2024, 6, 20), LocalDate.of(2024, 8, 18)),
                new Accountability.LeadingGroup(null, null, List.of(), List.of()),
                List.of("党工委坚决扛起巡视整改主体责任。"), Accountability.Figures.NONE, new Figures(1, 1, 1, 0), DeclaredTotals.NONE,
                List.of(), List.of(new Area(UUID.randomUUID(), 1, "贯彻落实党中央决策部署不到位",
                        List.of(new ProblemItem(UUID.randomUUID(), 1, "营商环境有短板", List.of(measure), Accountability.Figures.NONE)))),
                List.of(new OtherProblem("SELF_FOUND", otherTitle, null, List.of())), List.of("持续抓好整改。"),
                new Disclosure(LocalDate.of(2025, 11, 6), LocalDate.of(2025, 11, 13), "024-83752107", "工作日9:00—17:30",
                        "沈阳市浑南区新隆街8号", "110179", "sygxq@shenyang.gov.cn"),
                "沈阳高新区党工委", LocalDate.of(2025, 11, 6),
                new Links("https://example.gov.cn/feedback/", "https://example.gov.cn/progress", false));
    }
}
