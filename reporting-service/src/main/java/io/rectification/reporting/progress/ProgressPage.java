package io.rectification.reporting.progress;

import io.rectification.platform.text.ChineseDates;
import io.quarkus.qute.TemplateInstance;
import io.rectification.platform.text.ChineseNumerals;
import io.rectification.reporting.progress.ProgressDocument.Measure;
import io.rectification.reporting.report.DeclaredTotals;
import io.rectification.reporting.report.Figure;
import io.rectification.reporting.report.ProblemSources;
import io.rectification.reporting.report.PublicPageStyle;
import io.rectification.reporting.report.PublicStates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The progress page as HTML through the Qute template templates/ProgressPage/progress.html (every
 * text escaped), styled only by /reports/progress.css on the ground it shares with the public error page
 * ({@link PublicPageStyle}): no inline style or script, so the service's
 * strict CSP holds. Progress bars are {@code <progress>} elements, whose value is an attribute.
 */
final class ProgressPage {

    static final String STYLESHEET = "/reports/progress.css";

    /** Under an area the report heads with no finding in it yet (no progress bar: there is nothing to average). */
    static final String NO_PROBLEMS_YET = "本方面的具体问题正在梳理录入。";

    record AreaView(String heading, String figures, int percent, List<ProblemView> problems) {
    }

    record ProblemView(String heading, int percent, List<MeasureView> measures) {
    }

    /** stateClass names the state for the stylesheet (a colour); stateLabel says it in words. */
    record MeasureView(String ordinal, String title, String stateLabel, String stateClass, String kindLabel,
                       int percent, String deadline, String verifiedOn, boolean overdue, boolean reopened,
                       List<String> figures) {
    }

    /**
     * One figure at the top: its count with the unit ("16项"), and the feedback's declared total
     * ("46项") while the ledger shows another; each is set on one line, never split inside number and unit.
     */
    record Fact(String label, String value, String declared) {
    }

    /**
     * otherSources: the sentence saying which problems from other sources the figures and averages leave
     * out, or null when there are none.
     */
    record progress(String title, String lede, String window, boolean windowOpen, String reportUrl, String formUrl,
                    List<Fact> facts, String otherSources, int percent, List<AreaView> areas, List<String> stylesheets)
            implements TemplateInstance {
    }

    private ProgressPage() {
    }

    static String html(ProgressDocument doc, String reportUrl, String formUrl) {
        ProgressDocument.Figures f = doc.figures();
        DeclaredTotals declared = doc.declared();
        List<Fact> facts = List.of(
                new Fact("反馈意见", f.areas() + "个方面", ofDeclared(f.areas(), declared.areas(), "个方面")),
                new Fact("具体问题", f.problems() + "项", ofDeclared(f.problems(), declared.problems(), "项")),
                new Fact("整改任务", f.tasks() + "项", ofDeclared(f.tasks(), declared.tasks(), "项")),
                new Fact("已销号", f.verified() + "项", null),
                new Fact("已完成待核验", f.claimed() + "项", null),
                new Fact("整改中", f.inProgress() + "项", null),
                new Fact("未开始", f.notStarted() + "项", null),
                new Fact("逾期未完成", f.overdue() + "项", null));
        // "平均进度", not "完成": the average of the measures' percents, where a measure claimed but not yet
        // verified counts its 100 too; 已销号 says what is closed out
        List<AreaView> areas = doc.areas().stream().map(area -> new AreaView(
                "（" + ChineseNumerals.of(area.number()) + "）" + text(area.title()),
                area.problems().isEmpty() ? NO_PROBLEMS_YET
                        : "已销号" + area.verified() + "项，共" + area.tasks() + "项整改任务，平均进度" + area.percentComplete() + "%",
                area.percentComplete(),
                area.problems().stream().map(problem -> new ProblemView(problem.number() + "．" + text(problem.title()),
                        problem.percentComplete(), problem.measures().stream().map(ProgressPage::measure).toList()))
                        .toList())).toList();
        String lede = text(doc.team()) + "对" + text(doc.inspectedOrganisation())
                + "巡视反馈意见的整改落实进展，随整改台账更新。";
        ProgressDocument.Window w = doc.window();
        String window = "公开期限：" + day(w.from()) + (w.to() == null ? "起" : "至" + day(w.to()))
                + (w.open() ? "（公开中）" : "（已结束）");
        return new progress(text(doc.title()) + "整改进展", lede, window, w.open(), reportUrl, w.open() ? formUrl : null,
                facts, otherSources(doc.otherSources()), f.percentComplete(), areas, PublicPageStyle.sheets(STYLESHEET)).render();
    }

    /** "46项" (shown as （巡视反馈共46项）) while the ledger shows fewer or more than the feedback declares; null when they agree. */
    private static String ofDeclared(int listed, Integer declared, String unit) {
        return declared == null || declared == listed ? null : declared + unit;
    }

    /**
     * The page lists the inspection's findings only, as section 二 of the report does; problems from
     * other sources are real work, so the reader learns how many there are and that no figure or
     * average here counts them. Not listed: the page is published with no one choosing what goes on it,
     * while the report lists them only when the office's draft asks (includeOtherSources), and the
     * titles of escalated feedback are staff's words for what the public sent.
     */
    private static String otherSources(List<ProgressDocument.OtherSource> others) {
        if (others.isEmpty()) {
            return null;
        }
        return "以上数字和平均进度只计巡视反馈意见指出的问题。整改中另有" + others.stream()
                .map(o -> ProblemSources.label(o.source()) + "问题" + o.problems() + "项")
                .collect(Collectors.joining("、")) + "，一并整改，不计入本页数字，也不在本页列出。";
    }

    private static MeasureView measure(Measure m) {
        return new MeasureView(ChineseNumerals.of(m.number()) + "是", text(m.title()), PublicStates.label(m.state()),
                "state-" + (m.state() == null ? "unknown" : m.state().toLowerCase().replace('_', '-')),
                kind(m.kind()), m.percentComplete(), m.deadline() == null ? null : day(m.deadline()),
                m.verifiedOn() == null ? null : day(m.verifiedOn()), m.overdue(),
                // a measure reopened now says so in its state; one closed again keeps the mark of its reopening
                m.reopened() && !"REOPENED".equals(m.state()),
                m.figures().stream().map(ProgressPage::figure).toList());
    }

    static String kind(String kind) {
        return switch (kind == null ? "" : kind) {
            case "IMMEDIATE" -> "立行立改";
            case "TIME_BOUND" -> "限期整改";
            case "LONG_TERM" -> "长期坚持";
            default -> null;
        };
    }

    private static String figure(Figure figure) {
        BigDecimal value = figure.value().stripTrailingZeros();
        return text(figure.name()) + "：" + value.toPlainString() + (figure.unit() == null ? "" : figure.unit());
    }

    static String day(LocalDate day) {
        return ChineseDates.day(day);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
