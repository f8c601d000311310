package io.rectification.reporting.report;

import io.rectification.platform.error.ErrorBody.FieldError;
import io.rectification.platform.text.ChineseNumerals;
import io.rectification.reporting.report.ReportDocument.Area;
import io.rectification.reporting.report.ReportDocument.Figures;
import io.rectification.reporting.report.ReportDocument.Measure;
import io.rectification.reporting.report.ReportDocument.OtherProblem;
import io.rectification.reporting.report.ReportDocument.ProblemItem;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What stands between a draft and publication: the parts it lacks, and the figures that disagree
 * (docs/reporting-service.md, "When figures disagree"). Each is a field error for the API (publishing
 * refuses with them, 409) and a sentence in Chinese for the clerk (the preview and the console's
 * 公布前检查 show those).
 */
final class ReportChecks {

    /** One finding: the form field it belongs to, the API's message, and what the clerk reads. */
    record Finding(String field, String message, String text) {

        FieldError error() {
            return new FieldError(field, message);
        }

        static List<FieldError> errors(List<Finding> findings) {
            return findings.stream().map(Finding::error).toList();
        }
    }

    /** A total as the report's texts name it: "5个方面46项具体问题" and "64项整改任务" (Arabic digits). */
    private static final Pattern AREAS_AND_PROBLEMS = Pattern.compile("(\\d{1,6})个方面(\\d{1,6})项具体问题");
    private static final Pattern TASKS = Pattern.compile("(\\d{1,6})项整改任务");
    /** Accountability as a draft may state it: "问责4人", "诫勉谈话3人", "追回资金150.5万元", "挽回损失2000万元". */
    private static final Pattern PEOPLE = Pattern.compile("问责(\\d{1,6})人");
    private static final Pattern PEOPLE_BY_KIND = Pattern.compile("(诫勉谈话|批评教育|党纪政务处分|党纪处分|政务处分|组织处理)(\\d{1,6})人");
    private static final Pattern AMOUNT = Pattern.compile("(追回|挽回)[^0-9,。;]{0,6}?(\\d{1,10}(?:\\.\\d{1,4})?)万元");
    private static final Pattern LEADER = Pattern.compile("由([^,，。;；、]{1,40}?)任组长");
    /**
     * A date as the texts write it: a day (2026年12月31日), a month (2026年12月) or a year (2027年).
     * A year that ends a range or a horizon (2022—2035年, 至2035年) names no event and is not read; nor
     * does a year that names what belongs to it (2027年度财政预算已下达, 对2027年工作进行了部署: the
     * budget was issued, the work planned, now), see {@link #YEAR_AS_ATTRIBUTE}.
     */
    private static final Pattern WRITTEN_DATE =
            Pattern.compile("(?<![\\d—–\\-－~～至到])(\\d{4})年(?:(\\d{1,2})月(?:(\\d{1,2})日)?)?");
    /** What follows a year that is an attribute, not a time: 2027年度…, 2027年工作/预算/计划…. */
    private static final Pattern YEAR_AS_ATTRIBUTE = Pattern.compile("度|工作|预算|决算|计划|目标|任务|经费|资金|考核");

    private enum Total {
        AREAS("declaredAreas", "个方面", Figures::areas),
        PROBLEMS("declaredProblems", "项具体问题", Figures::problems),
        TASKS("declaredTasks", "项整改任务", Figures::tasks);

        final String field;
        final String word;
        final ToIntFunction<Figures> ledger;

        Total(String field, String word, ToIntFunction<Figures> ledger) {
            this.field = field;
            this.word = word;
            this.ledger = ledger;
        }

        Integer declared(DeclaredTotals declared) {
            return switch (this) {
                case AREAS -> declared.areas();
                case PROBLEMS -> declared.problems();
                case TASKS -> declared.tasks();
            };
        }
    }

    private record Named(Total total, int value) {
    }

    private ReportChecks() {
    }

    static List<Finding> incomplete(ReportDraft draft) {
        List<Finding> missing = new ArrayList<>();
        if (draft == null || blank(draft.leadershipResponsibility)) {
            missing.add(new Finding("leadershipResponsibility", "the draft has no text for section 一",
                    "尚未填写第一部分（领导班子履行主体责任情况）。"));
        }
        if (draft == null || blank(draft.nextSteps)) {
            missing.add(new Finding("nextSteps", "the draft has no text for section 三", "尚未填写第三部分（下一步工作打算）。"));
        }
        if (draft == null || draft.publicationId == null) {
            missing.add(new Finding("publicationId", "the draft names no publication: its window and channels close the report",
                    "尚未选择公布：报告末尾写明其公示期和受理渠道。"));
        }
        if (draft == null || blank(draft.issuer)) {
            missing.add(new Finding("issuer", "the draft has no signing organisation", "尚未填写署名单位。"));
        }
        if (draft == null || draft.issuedOn == null) {
            missing.add(new Finding("issuedOn", "the draft has no signature date", "尚未填写署名日期。"));
        }
        return missing;
    }

    static List<Finding> disagreements(ReportDocument report) {
        List<Finding> errors = new ArrayList<>();
        Figures ledger = report.figures();
        Figures stated = report.stated();
        boolean explained = !report.totalsExplanation().isEmpty();
        for (Total total : Total.values()) {
            Integer declared = total.declared(report.declared());
            int listed = total.ledger.applyAsInt(ledger);
            if (declared != null && declared < listed) {
                errors.add(new Finding("inspection." + total.field, "the plan declares " + declared + total.word
                        + " but the ledger holds " + listed + " of the inspection's own: correct the inspection's declared totals",
                        "方案声明" + declared + total.word + "，但台账中本次巡视的有" + listed + total.word + "：请更正巡视的声明总数。"));
            } else if (declared != null && declared > listed && !explained) {
                errors.add(new Finding("totalsExplanation", "the plan declares " + declared + total.word
                        + " but the report lists " + listed + ": say why in totalsExplanation, or correct the declared totals",
                        "方案声明" + declared + total.word + "，报告只列出" + listed + total.word
                                + "：请在“总数说明”中说明原因，或更正声明总数。"));
            }
        }
        for (String paragraph : report.leadershipResponsibility()) {
            for (Named named : named(paragraph)) {
                int expected = named.total().ledger.applyAsInt(stated);
                if (named.value() != expected) {
                    errors.add(new Finding("leadershipResponsibility", "section 一 names " + named.value() + named.total().word
                            + " but section 二 states " + expected + named.total().word,
                            "第一部分写的是" + named.value() + named.total().word + "，第二部分统计为" + expected + named.total().word + "。"));
                }
            }
        }
        for (String paragraph : report.leadershipResponsibility()) {
            accountability(paragraph, report.accountability(), errors);
            leader(paragraph, report.leadingGroup(), errors);
        }
        if (report.issuedOn() != null) {
            for (String paragraph : report.leadershipResponsibility()) {
                List<String> later = after(paragraph, report.issuedOn());
                if (!later.isEmpty()) {
                    errors.add(new Finding("leadershipResponsibility", "section 一 names " + String.join(", ", later)
                            + ", after the report's date " + report.issuedOn() + ": it reports what has been done",
                            "第一部分写到" + String.join("、", later) + "，晚于署名日期" + ReportText.day(report.issuedOn())
                                    + "：这一部分只写已经做到的事。"));
                }
            }
        }
        // where the preview beside the warning prints the measure (第二部分, the report's numbers, which skip
        // nothing cancelled); its title finds it in the ledger, whose numbers may differ
        for (Area area : report.areas()) {
            for (ProblemItem problem : area.problems()) {
                for (Measure measure : problem.measures()) {
                    String where = "第二部分（" + ChineseNumerals.of(area.number()) + "）" + problem.number() + "."
                            + ChineseNumerals.of(measure.number()) + "是“" + measure.title() + "”";
                    measure(measure, where, report.issuedOn(), errors);
                }
            }
        }
        for (OtherProblem other : report.otherSources()) {
            for (Measure measure : other.measures()) {
                String where = "“" + ProblemSources.label(other.source()) + "：" + other.title() + "”的"
                        + ChineseNumerals.of(measure.number()) + "是“" + measure.title() + "”";
                measure(measure, where, report.issuedOn(), errors);
            }
        }
        for (String paragraph : report.totalsExplanation()) {
            for (Named named : named(paragraph)) {
                int declaredOrStated = named.total().ledger.applyAsInt(stated);
                int listed = named.total().ledger.applyAsInt(ledger);
                if (named.value() != declaredOrStated && named.value() != listed) {
                    errors.add(new Finding("totalsExplanation", "the explanation names " + named.value() + named.total().word
                            + " but the plan declares " + declaredOrStated + " and the report lists " + listed,
                            "总数说明写的是" + named.value() + named.total().word + "，但方案声明" + declaredOrStated
                                    + named.total().word + "、报告列出" + listed + named.total().word + "。"));
                }
            }
        }
        return errors;
    }

    /** How many of the changes a notice names; the rest it counts. */
    static final int CHANGES_NAMED = 3;

    /**
     * What the office should know but need not act on before publishing (it is published away): since the
     * version in force ({@code versionNumber}, whose numbers were {@code printed}) something was cancelled
     * (撤销), so the progress page and the feedback form, which number what stands as this draft does, call
     * some of section 二 otherwise than the full text they link to. Nothing for a version published before
     * its numbers were kept (V31, {@code printed} null): its text is not read back for them.
     */
    static List<Finding> renumbered(int versionNumber, PublicNumbers printed, PublicNumbers now, Set<UUID> cancelled) {
        if (printed == null) {
            return List.of();
        }
        List<PublicNumbers.Change> changes = now.since(printed, cancelled);
        if (changes.isEmpty()) {
            return List.of();
        }
        List<String> named = changes.stream().limit(CHANGES_NAMED).map(change -> change.printed() + "“" + change.title()
                + "”" + (change.now() != null ? "现为" + change.now() : change.cancelled() ? "已撤销" : "已不在第二部分")).toList();
        String more = changes.size() > CHANGES_NAMED ? "等，共" + changes.size() + "处" : "";
        return List.of(new Finding("numbering", changes.size() + " number(s) of section 二 changed since version "
                + versionNumber + " was published; the progress page and the feedback form number as this draft does"
                + ": publish a new version for its full text to agree with them",
                "自第" + versionNumber + "版公布以来，编号已有变化：" + String.join("；", named) + more
                        + "。公布新版本后，整改进展页面和意见建议表单的编号将与全文一致。"));
    }

    /**
     * What a measure's text says must hold beside what the report prints: a closed-out measure's text
     * reports what was done, so it names no date after the report's; one not closed out (a claim waiting
     * for its verification included) says neither that it is done nor that something after the report's
     * date has happened, though it may name the dates it plans for ({@link MeasureTexts}); and the text
     * names an indicator with no other value than its figure.
     */
    private static void measure(Measure measure, String where, LocalDate issuedOn, List<Finding> errors) {
        String task = measure.taskId() == null ? "tasks" : "tasks[" + measure.taskId() + "]";
        String field = task + "." + measure.textField();
        if (!measure.closed()) {
            notDoneYet(measure, where, field, task + ".indicators", issuedOn, errors);
        }
        if (measure.closed() && issuedOn != null) {
            List<String> later = after(measure.text() == null ? "" : measure.text(), issuedOn);
            if (!later.isEmpty()) {
                errors.add(new Finding(field, "the closed-out task \"" + measure.title() + "\" names "
                        + String.join(", ", later) + ", after the report's date " + issuedOn
                        + ": a closed-out measure reports what was done",
                        where + "已销号，其文字却写到" + String.join("、", later) + "，晚于署名日期" + ReportText.day(issuedOn)
                                + "：请按已完成的情况更新整改进展。"));
            }
        }
        for (Figure figure : measure.figures()) {
            String printed = figure.printed();
            for (NarratedFigures.Stated stated : NarratedFigures.in(measure.text(), figure)) {
                if (!stated.agrees()) {
                    errors.add(new Finding(field, "the text of task \"" + measure.title() + "\" states " + stated.phrase()
                            + " but the report prints " + printed + " beside it",
                            where + "的文字写的是“" + stated.phrase() + "”，主要指标却是" + printed
                                    + "：请更新整改进展，或核对指标数值。"));
                }
            }
        }
    }

    /** A measure not closed out: its text and figures claim no completion, its text tells no later date as past. */
    private static void notDoneYet(Measure measure, String where, String field, String figuresField, LocalDate issuedOn,
                                   List<Finding> errors) {
        String standing = ReportText.standing(measure);
        List<String> claims = MeasureTexts.completionClaims(measure.text());
        if (!claims.isEmpty()) {
            errors.add(claimed(measure, "text", where + "尚未销号" + standing + "，其文字却写", field, claims));
        }
        List<String> figureClaims = MeasureTexts.completionClaims(
                String.join("。", measure.figures().stream().map(f -> f.name() == null ? "" : f.name()).toList()));
        if (!figureClaims.isEmpty()) {
            errors.add(claimed(measure, "indicators", where + "尚未销号" + standing + "，其主要指标却写", figuresField,
                    figureClaims));
        }
        List<String> told = issuedOn == null ? List.of() : MeasureTexts.toldAsDone(measure.text(), issuedOn);
        if (!told.isEmpty()) {
            errors.add(new Finding(field, "the text of task \"" + measure.title() + "\" tells of " + String.join(", ", told)
                    + " as done, after the report's date " + issuedOn + ": word what is still to come as planned",
                    where + "尚未销号，其文字却把" + String.join("、", told) + "的事写成已经发生，晚于署名日期"
                            + ReportText.day(issuedOn) + "：尚未发生的请写成计划（如“计划于…”）。"));
        }
    }

    private static Finding claimed(Measure measure, String what, String clerksOpening, String field, List<String> claims) {
        return new Finding(field, "the " + what + " of task \"" + measure.title() + "\" say" + ("text".equals(what) ? "s " : " ") + String.join(", ", claims)
                + " but the task is not closed out (" + measure.state() + "): word it as the work stands, or close the task out first",
                clerksOpening + "“" + String.join("”“", claims) + "”：请按目前的进展改写，销号后再写完成。");
    }

    /** The dates the text names that lie after the day (a month or year: that begins after it), as written. */
    static List<String> after(String text, LocalDate day) {
        List<String> later = new ArrayList<>();
        Matcher date = WRITTEN_DATE.matcher(text);
        while (date.find()) {
            if (date.group(2) == null && YEAR_AS_ATTRIBUTE.matcher(text).region(date.end(), text.length()).lookingAt()) {
                continue;
            }
            int year = Integer.parseInt(date.group(1));
            boolean isLater;
            try {
                isLater = date.group(3) != null
                        ? LocalDate.of(year, Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3))).isAfter(day)
                        : date.group(2) != null
                        ? YearMonth.of(year, Integer.parseInt(date.group(2))).isAfter(YearMonth.from(day))
                        : year > day.getYear();
            } catch (java.time.DateTimeException notADate) {
                isLater = false; // 2026年13月 is no date to hold anyone to
            }
            if (isLater && !later.contains(date.group())) {
                later.add(date.group());
            }
        }
        return later;
    }

    /** Figures of 问责 and 追回/挽回 that section 一's text names must be the recorded ones. */
    private static void accountability(String text, Accountability.Figures recorded, List<Finding> errors) {
        Matcher people = PEOPLE.matcher(text);
        while (people.find()) {
            disagree(Integer.parseInt(people.group(1)), recorded.people(), "问责", "人", errors);
        }
        Matcher byKind = PEOPLE_BY_KIND.matcher(text);
        while (byKind.find()) {
            String word = byKind.group(1);
            int expected = "党纪政务处分".equals(word)
                    ? count(recorded, "PARTY_DISCIPLINE") + count(recorded, "GOVERNMENT_SANCTION")
                    : Accountability.KINDS.entrySet().stream().filter(e -> e.getValue().equals(word))
                    .mapToInt(e -> count(recorded, e.getKey())).sum();
            disagree(Integer.parseInt(byKind.group(2)), expected, word, "人", errors);
        }
        Matcher amount = AMOUNT.matcher(text);
        while (amount.find()) {
            boolean recovered = "追回".equals(amount.group(1));
            java.math.BigDecimal named = new java.math.BigDecimal(amount.group(2));
            java.math.BigDecimal expected = recovered ? recorded.recoveredWanYuan() : recorded.retrievedWanYuan();
            if (named.compareTo(expected) != 0) {
                String what = recovered ? "追回资金" : "挽回损失";
                errors.add(new Finding("leadershipResponsibility", "section 一 names " + amount.group(1)
                        + ReportText.wanYuan(named) + "万元 but " + ReportText.wanYuan(expected) + "万元 "
                        + "(" + what + ") are recorded",
                        "第一部分写的是" + amount.group(1) + ReportText.wanYuan(named) + "万元，记录的" + what + "为"
                                + ReportText.wanYuan(expected) + "万元。"));
            }
        }
    }

    private static int count(Accountability.Figures recorded, String kind) {
        return recorded.peopleByKind().getOrDefault(kind, 0);
    }

    private static void disagree(int named, int recorded, String word, String unit, List<Finding> errors) {
        if (named != recorded) {
            errors.add(new Finding("leadershipResponsibility", "section 一 names " + word + named + unit + " but "
                    + recorded + unit + " are recorded",
                    "第一部分写的是" + word + named + unit + "，记录的是" + word + recorded + unit + "。"));
        }
    }

    /** "由…任组长" must name the recorded 组长, once a leading group is recorded. */
    private static void leader(String text, Accountability.LeadingGroup group, List<Finding> errors) {
        Matcher leader = LEADER.matcher(text);
        while (group != null && leader.find()) {
            String recorded = group.leader();
            if (!leader.group(1).equals(recorded)) {
                errors.add(new Finding("leadershipResponsibility", "section 一 names " + leader.group(1)
                        + " as 组长 but the leading group records " + (recorded == null ? "none" : recorded),
                        "第一部分写的是由" + leader.group(1) + "任组长，"
                                + (recorded == null ? "领导小组未记录组长。" : "领导小组记录的组长是" + recorded + "。")));
            }
        }
    }

    private static List<Named> named(String text) {
        List<Named> named = new ArrayList<>();
        Matcher pair = AREAS_AND_PROBLEMS.matcher(text);
        while (pair.find()) {
            named.add(new Named(Total.AREAS, Integer.parseInt(pair.group(1))));
            named.add(new Named(Total.PROBLEMS, Integer.parseInt(pair.group(2))));
        }
        Matcher tasks = TASKS.matcher(text);
        while (tasks.find()) {
            named.add(new Named(Total.TASKS, Integer.parseInt(tasks.group(1))));
        }
        return named;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
