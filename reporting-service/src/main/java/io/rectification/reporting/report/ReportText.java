package io.rectification.reporting.report;

import io.rectification.platform.text.ChineseDates;
import io.rectification.platform.text.ChineseNumerals;
import io.rectification.reporting.report.ReportDocument.Area;
import io.rectification.reporting.report.ReportDocument.Disclosure;
import io.rectification.reporting.report.ReportDocument.Measure;
import io.rectification.reporting.report.ReportDocument.OtherProblem;
import io.rectification.reporting.report.ReportDocument.Preamble;
import io.rectification.reporting.report.ReportDocument.ProblemItem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes the report's wording, in the notice's order and phrasing, as a list of blocks; the HTML and
 * Markdown renderers only format them, so both versions always say the same.
 */
final class ReportText {

    /**
     * CONTENTS and BACK are the HTML page's own (the 目录 and an area's 返回目录, {@link ReportContents}):
     * never in {@link #of}, so the Markdown has neither.
     */
    enum Kind { TITLE, SECTION, SUBSECTION, PARAGRAPH, CONTACT, LINK, QR_CODE, SIGNATURE, CONTENTS, BACK }

    /**
     * A block's text; a LINK's {@code target} is its address, a QR_CODE's the code as a PNG data URI.
     * {@code anchor}: the id a page gives the block, so a link can lead to it (section 二's areas and
     * findings, {@link #areaAnchor}); null for the others.
     */
    record Block(Kind kind, String text, String target, String anchor) {
        Block(Kind kind, String text) {
            this(kind, text, null, null);
        }

        Block(Kind kind, String text, String target) {
            this(kind, text, target, null);
        }
    }

    /** After a problem that has no task yet. */
    static final String NO_MEASURES_YET = "（正在研究制定整改措施）";
    /** A point of section 一 numbered as the notice numbers them: （一）, （二）… */
    private static final Pattern NUMBERED_POINT = Pattern.compile("（[一二三四五六七八九十]+）");
    /** A point's own line, its heading: no sentence ends in it (「（一）主要负责同志高度重视，坚定不移…」). */
    private static final Pattern POINT_HEADING = Pattern.compile("（[一二三四五六七八九十]+）[^。！？；!?;]{1,60}");

    private ReportText() {
    }

    static List<Block> of(ReportDocument report) {
        List<Block> blocks = new ArrayList<>();
        Preamble p = report.preamble();
        blocks.add(new Block(Kind.TITLE, "关于" + orEmpty(report.title()) + "整改进展情况的通报"));
        blocks.add(new Block(Kind.PARAGRAPH, period(p.onSiteFrom(), p.onSiteTo()) + "，" + orEmpty(p.team()) + "对"
                + orEmpty(p.inspectedOrganisation()) + "进行了" + kind(p.inspectionKind()) + "。"
                + (p.feedbackDate() == null ? "" : day(p.feedbackDate()) + "，" + orEmpty(p.team()) + "向"
                + orEmpty(p.inspectedOrganisation()) + "反馈了巡视意见。")
                + "按照《巡视工作条例》有关要求，现将巡视整改情况予以公布。"));

        blocks.add(new Block(Kind.SECTION, "一、领导班子履行主体责任情况"));
        leadingGroup(report.leadingGroup(), String.join("", report.leadershipResponsibility()), blocks);
        report.leadershipResponsibility().forEach(text -> blocks.add(new Block(isPointHeading(text) ? Kind.SUBSECTION
                : Kind.PARAGRAPH, text)));
        accountabilityPoint(report.leadershipResponsibility(), report.accountability(), blocks);

        blocks.add(new Block(Kind.SECTION, "二、巡视整改落实情况"));
        figuresSentence(report, blocks);
        for (Area area : report.areas()) {
            blocks.add(new Block(Kind.SUBSECTION, areaHeading(area), null, areaAnchor(area)));
            for (ProblemItem problem : area.problems()) {
                blocks.add(new Block(Kind.PARAGRAPH, problem.number() + "." + sentence(problem.title())
                        + measures(problem.measures())
                        + (problem.accountability().none() ? "" : "针对该问题，" + accountability(problem.accountability()) + "。"),
                        null, problem.problemId() == null ? null : "finding-" + problem.problemId()));
            }
        }
        otherSources(report.otherSources(), blocks);

        blocks.add(new Block(Kind.SECTION, "三、下一步工作打算"));
        report.nextSteps().forEach(text -> blocks.add(new Block(Kind.PARAGRAPH, text)));

        blocks.add(new Block(Kind.PARAGRAPH, "欢迎广大干部群众对巡视整改落实情况进行监督。如有意见建议，请及时向我们反映。"));
        Disclosure d = report.disclosure();
        if (d != null) {
            if (d.from() != null && d.to() != null) {
                blocks.add(new Block(Kind.CONTACT, "公开期限：" + period(d.from(), d.to())));
            }
            if (d.phone() != null) {
                blocks.add(new Block(Kind.CONTACT, "联系电话：" + d.phone()
                        + (d.phoneHours() == null ? "" : "（" + d.phoneHours() + "）")));
            }
            if (d.postalAddress() != null) {
                blocks.add(new Block(Kind.CONTACT, "邮政信箱：" + d.postalAddress()));
            }
            if (d.postalCode() != null) {
                blocks.add(new Block(Kind.CONTACT, "邮政编码：" + d.postalCode()));
            }
            if (d.email() != null) {
                blocks.add(new Block(Kind.CONTACT, "电子邮箱：" + d.email()));
            }
        }
        links(report.links(), blocks);
        if (report.issuer() != null && !report.issuer().isBlank()) {
            blocks.add(new Block(Kind.SIGNATURE, report.issuer().strip()));
        }
        if (report.issuedOn() != null) {
            blocks.add(new Block(Kind.SIGNATURE, day(report.issuedOn())));
        }
        return blocks;
    }

    /** An area's heading in section 二: （三）优化配置资源要素不够有力. */
    static String areaHeading(Area area) {
        return "（" + ChineseNumerals.of(area.number()) + "）" + orEmpty(area.title());
    }

    /**
     * The id of an area's heading: by its ledger id, not by its number. The number is the area's place
     * among those standing, and moves when an area before it is cancelled (撤销); the id never does, so a
     * link to an area of one version (…/versions/3.html#area-…) leads to the same area in the next, and a
     * link never lands on another area that took its number. Not personal: the public form's choices
     * carry the same ids. A document built without ids (none of the assembler's) falls back to the number.
     */
    static String areaAnchor(Area area) {
        return "area-" + (area.id() == null ? String.valueOf(area.number()) : area.id().toString());
    }

    /**
     * Whether a paragraph of section 一 is a numbered point's heading, a heading of the level of section
     * 二's areas (二级标题), so that the page's headings lead through both sections; a point run on into
     * its text stays a paragraph.
     */
    static boolean isPointHeading(String paragraph) {
        return POINT_HEADING.matcher(paragraph.strip()).matches();
    }

    /**
     * The feedback form and the progress page, after the contact channels; with absolute addresses also
     * a QR code of the form, so a printed copy leads a phone to it.
     */
    private static void links(ReportDocument.Links links, List<Block> blocks) {
        if (links == null) {
            return;
        }
        blocks.add(new Block(Kind.LINK, "网上提交意见建议：", links.feedbackForm()));
        blocks.add(new Block(Kind.LINK, "整改进展：", links.progressPage()));
        if (links.scannable()) {
            blocks.add(new Block(Kind.QR_CODE, "扫码提交意见建议", QrCode.pngDataUri(links.feedbackForm())));
        }
    }

    /**
     * "巡视反馈意见指出的…": the plan's declared totals where it has them, then, when the ledger lists
     * fewer, the office's explanation and what this report lists. Counts the inspection's findings only.
     */
    private static void figuresSentence(ReportDocument report, List<Block> blocks) {
        var stated = report.stated();
        var listed = report.figures();
        String opening = "巡视反馈意见指出的" + stated.areas() + "个方面" + stated.problems() + "项具体问题，细化为"
                + stated.tasks() + "项整改任务";
        if (report.statesTheLedger()) {
            blocks.add(new Block(Kind.PARAGRAPH, opening + "，目前已完成销号" + listed.verifiedTasks() + "项。"));
            return;
        }
        StringBuilder text = new StringBuilder(opening).append("。");
        report.totalsExplanation().forEach(line -> text.append(sentence(line)));
        // not "其中": the plan may have merged its findings into these, not only left some out
        text.append("现将列入整改台账的").append(listed.areas()).append("个方面").append(listed.problems()).append("项具体问题、")
                .append(listed.tasks()).append("项整改任务的落实情况公布如下，目前已完成销号").append(listed.verifiedTasks())
                .append("项。");
        blocks.add(new Block(Kind.PARAGRAPH, text.toString()));
    }

    /**
     * Section 一 as the notice words it: "党工委书记认真履行巡视整改第一责任人责任" and "成立由…任组长,…任副组长,
     * …为成员的整改工作领导小组", by position; each only when the draft's own text does not say it
     * already (then the checks hold that text to the recorded group).
     */
    private static void leadingGroup(Accountability.LeadingGroup group, String draft, List<Block> blocks) {
        if (group == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        if (!draft.contains("第一责任人")) {
            text.append(orEmpty(group.firstResponsible())).append("认真履行巡视整改第一责任人责任。");
        }
        if (group.leader() != null && !draft.contains("任组长")) {
            text.append("成立由").append(group.leader()).append("任组长");
            if (!group.deputies().isEmpty()) {
                text.append("，").append(series(group.deputies())).append("任副组长");
            }
            if (!group.members().isEmpty()) {
                text.append("，").append(String.join("、", group.members())).append("为成员");
            }
            text.append("的整改工作领导小组。");
        }
        if (!text.isEmpty()) {
            blocks.add(new Block(Kind.PARAGRAPH, text.toString()));
        }
    }

    /**
     * Section 一's accountability as a point of its own after the draft's: when the draft numbers its
     * points as the notice does (（一）…（五）), the next number with a heading, then the figures; else
     * one paragraph that says it is about the rectification as a whole.
     */
    private static void accountabilityPoint(List<String> draft, Accountability.Figures figures, List<Block> blocks) {
        if (figures.none()) {
            return;
        }
        long points = draft.stream().filter(paragraph -> NUMBERED_POINT.matcher(paragraph).lookingAt()).count();
        if (points == 0) {
            blocks.add(new Block(Kind.PARAGRAPH, "坚持严肃追责问责，巡视整改以来" + accountability(figures) + "。"));
            return;
        }
        blocks.add(new Block(Kind.SUBSECTION, "（" + ChineseNumerals.of((int) points + 1) + "）严肃追责问责，推动整改落地见效"));
        blocks.add(new Block(Kind.PARAGRAPH, "巡视整改以来，" + accountability(figures) + "。"));
    }

    /**
     * "共问责4人，其中诫勉谈话3人、党纪处分1人；追回资金150.5万元，挽回损失2000万元", leaving out what is nil;
     * one kind alone reads "共问责2人，均为诫勉谈话".
     */
    static String accountability(Accountability.Figures figures) {
        List<String> parts = new ArrayList<>();
        if (figures.people() > 0) {
            Map<String, Integer> byKind = figures.peopleByKind();
            parts.add("共问责" + figures.people() + "人，" + (byKind.size() == 1
                    ? "均为" + accountabilityKind(byKind.keySet().iterator().next())
                    : "其中" + byKind.entrySet().stream().map(e -> accountabilityKind(e.getKey()) + e.getValue() + "人")
                    .collect(Collectors.joining("、"))));
        }
        List<String> amounts = new ArrayList<>();
        if (figures.recoveredWanYuan().signum() > 0) {
            amounts.add("追回资金" + wanYuan(figures.recoveredWanYuan()) + "万元");
        }
        if (figures.retrievedWanYuan().signum() > 0) {
            amounts.add("挽回损失" + wanYuan(figures.retrievedWanYuan()) + "万元");
        }
        if (!amounts.isEmpty()) {
            parts.add(String.join("，", amounts));
        }
        return String.join("；", parts);
    }

    private static String accountabilityKind(String kind) {
        return Accountability.KINDS.getOrDefault(kind, kind);
    }

    static String wanYuan(java.math.BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    /** 甲、乙和丙: the last joined by 和, as the notice lists the deputy leaders. */
    private static String series(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join("、", items.subList(0, items.size() - 1)) + "和" + items.get(items.size() - 1);
    }

    /**
     * Problems the inspection did not find, in a part of their own and labelled by source: never
     * numbered as an area of the inspection's, never in its counts.
     */
    private static void otherSources(List<OtherProblem> others, List<Block> blocks) {
        if (others.isEmpty()) {
            return;
        }
        blocks.add(new Block(Kind.SUBSECTION, "巡视反馈意见以外发现问题的整改情况"));
        Map<String, Long> bySource = others.stream()
                .collect(Collectors.groupingBy(OtherProblem::source, LinkedHashMap::new, Collectors.counting()));
        blocks.add(new Block(Kind.PARAGRAPH, "整改中另有" + bySource.entrySet().stream()
                .map(e -> ProblemSources.label(e.getKey()) + "问题" + e.getValue() + "项")
                .collect(Collectors.joining("、")) + "，不计入巡视反馈意见指出的问题，一并整改。"));
        for (OtherProblem other : others) {
            String extending = other.extendsFinding() == null ? "" : "（由“" + other.extendsFinding() + "”延伸）";
            blocks.add(new Block(Kind.PARAGRAPH, ProblemSources.label(other.source()) + extending + "："
                    + sentence(other.title()) + measures(other.measures())));
        }
    }

    /**
     * 一是 + each task's title, what was done, its figures, and where it stands unless it is closed out;
     * a problem without a task yet says that its measures are being worked out.
     */
    private static String measures(List<Measure> measures) {
        if (measures.isEmpty()) {
            return NO_MEASURES_YET;
        }
        StringBuilder text = new StringBuilder();
        for (Measure measure : measures) {
            text.append(ChineseNumerals.of(measure.number())).append("是");
            // A narrative that opens with its own heading ("认真履行“一岗双责”,通过…") reads on
            // from it: the heading is not said twice.
            String narrative = orEmpty(measure.text());
            if (measure.title() == null || !narrative.startsWith(measure.title())) {
                text.append(sentence(measure.title()));
            }
            text.append(sentence(measure.text())).append(figures(measure)).append(standing(measure));
        }
        return text.toString();
    }

    /**
     * "（整改中，已完成60%）" after a measure not closed out: its text may be the plan's final wording
     * ("已全部整改完毕"), so the reader is told where it stands, in the progress page's words.
     */
    static String standing(Measure measure) {
        if (measure.closed()) {
            return "";
        }
        boolean underWay = "IN_PROGRESS".equals(measure.state()) && measure.percentComplete() > 0;
        return "（" + PublicStates.label(measure.state()) + (underWay ? "，已完成" + measure.percentComplete() + "%" : "")
                + "）";
    }

    /** 主要指标: the figures with a value, except one the measure's text already states as it is. */
    private static String figures(Measure measure) {
        List<Figure> figures = measure.figures().stream()
                .filter(f -> NarratedFigures.in(measure.text(), f).stream().noneMatch(NarratedFigures.Stated::repeats))
                .toList();
        if (figures.isEmpty()) {
            return "";
        }
        return "主要指标：" + figures.stream().map(Figure::printed).collect(Collectors.joining("；")) + "。";
    }

    /** The text with a closing full stop unless it already ends a sentence. */
    static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String stripped = text.strip();
        return "。！？；!?;…".indexOf(stripped.charAt(stripped.length() - 1)) >= 0 ? stripped : stripped + "。";
    }

    static String day(LocalDate date) {
        return ChineseDates.day(date);
    }

    /** 2024年4月7日至6月20日: the year is not repeated within one year. */
    static String period(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return from != null ? day(from) : to != null ? day(to) : "";
        }
        String end = from.getYear() == to.getYear() ? to.getMonthValue() + "月" + to.getDayOfMonth() + "日" : day(to);
        return day(from) + "至" + end;
    }

    private static String kind(String kind) {
        if (kind == null) {
            return "巡视";
        }
        return switch (kind) {
            case "SPECIAL" -> "专项巡视";
            case "FLEXIBLE" -> "机动巡视";
            default -> "常规巡视";
        };
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
