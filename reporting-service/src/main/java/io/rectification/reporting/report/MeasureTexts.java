package io.rectification.reporting.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the text of a measure not yet closed out may not say, as the report's checks read it
 * (docs/reporting-service.md, "Figures, and when they disagree"): that the work is done, and that
 * something dated after the report has happened. A plan's narrative is often the final report's
 * wording ("目前已全部整改完毕", "2026年12月31日，召开…会议"), written before the work was; printed
 * before 「（整改中，已完成90%）」 it contradicts itself.
 *
 * <p>Read narrowly, so that an honest account of work under way passes: a part done ("已完成60%",
 * "已完成16处"), a step done while the rest goes on ("已完成调研，正在制定方案"), what is not done
 * ("尚未完成") and what is planned ("确保年底前全部整改完毕", "计划于2026年12月31日召开") are no claims.
 */
final class MeasureTexts {

    /** Saying the whole is done: 已全部整改完毕, 均已完成, 已办结, 已立行立改, 整改完毕 …; always a claim. */
    private static final Pattern WHOLE = Pattern.compile(
            "(?:已经?|均已|业已)?(?:全部|全面)(?:完成|整改完毕|整改到位|整改|办结|立行立改|落实到位)"
                    + "|均已(?:完成|整改完毕|整改到位|整改|办结|立行立改|落实到位)"
                    + "|(?:已经?|业已)(?:整改完毕|整改到位|办结|立行立改|落实到位)"
                    + "|整改完毕|整改到位");
    /** Saying a step is done (已完成, 已整改): a claim unless it says how much, or the sentence says work goes on. */
    private static final Pattern STEP = Pattern.compile("(?:已经?|业已)(?:基本|如期|按期|按时|顺利)?(?:完成|整改)(?!完毕|到位)");
    /** After a step: an amount, so a part is done ("已完成60%", "已完成16处", "已完成约三成"). */
    private static final Pattern AMOUNT = Pattern.compile("了?(?:\\d|约|近|超|过半|一半|部分|百分之)");
    /** In the sentence of a step: the work goes on. */
    private static final Pattern GOING_ON = Pattern.compile("正在|正加紧|仍在|尚有|还有|剩余|下一步|推进中");
    /** Before a phrase in its clause: it is denied or planned ("年底前"; not 目前, 此前, 当前), not claimed. */
    private static final Pattern DENIED_OR_PLANNED =
            Pattern.compile("未|尚|没有|不|确保|力争|争取|将|计划|拟|预计|要求|目标|(?<![目此当])前");
    /** In a sentence naming a later date: it is planned ("计划于…", "将…", "拟…"). */
    private static final Pattern PLANNED = Pattern.compile("计划|拟|将|预计|力争|争取|确保|定于|预定|准备|目标|要求");
    /** In a sentence naming a later month or year: it is told as done ("进行了部署", "已印发"). */
    private static final Pattern DONE = Pattern.compile("已|曾|(?<![为除])了(?!解)");
    /** Right after a later date: a deadline ("2026年12月底前"). */
    private static final Pattern DEADLINE = Pattern.compile("底?(?:之前|以前|前)");
    private static final Pattern SENTENCE = Pattern.compile("[^。；！？!?;]+");
    private static final Pattern CLAUSE_START = Pattern.compile(".*[，,、：:]");

    private MeasureTexts() {
    }

    /** The phrases by which the text says the work is done, as written, each once. */
    static List<String> completionClaims(String text) {
        List<String> claims = new ArrayList<>();
        if (text == null) {
            return claims;
        }
        Matcher sentence = SENTENCE.matcher(text);
        while (sentence.find()) {
            String s = sentence.group();
            Matcher whole = WHOLE.matcher(s);
            while (whole.find()) {
                if (!deniedOrPlanned(s, whole.start())) {
                    add(claims, whole.group());
                }
            }
            if (GOING_ON.matcher(s).find()) {
                continue;
            }
            Matcher step = STEP.matcher(s);
            while (step.find()) {
                boolean partOfWhole = inside(s, step.start(), WHOLE);
                if (!partOfWhole && !AMOUNT.matcher(s).region(step.end(), s.length()).lookingAt()
                        && !deniedOrPlanned(s, step.start())) {
                    add(claims, step.group());
                }
            }
        }
        return claims;
    }

    /**
     * The dates after the day that the text tells as past, as written: a later day named without a word
     * of planning in its sentence (a day is an event: 「2026年12月31日，召开…会议」), or a later month or
     * year in a sentence that says it was done (「2026年12月，修订了…」). A deadline (「2026年12月底前」) and
     * what is planned (「计划于…」, 「将…」, 「拟…」) are no account.
     */
    static List<String> toldAsDone(String text, LocalDate day) {
        List<String> told = new ArrayList<>();
        if (text == null) {
            return told;
        }
        Matcher sentence = SENTENCE.matcher(text);
        while (sentence.find()) {
            String s = sentence.group();
            if (PLANNED.matcher(s).find()) {
                continue;
            }
            for (String date : ReportChecks.after(s, day)) {
                int end = s.indexOf(date) + date.length();
                boolean deadline = DEADLINE.matcher(s).region(end, s.length()).lookingAt();
                boolean done = date.endsWith("日") || DONE.matcher(s).find();
                if (!deadline && done) {
                    add(told, date);
                }
            }
        }
        return told;
    }

    private static boolean deniedOrPlanned(String sentence, int at) {
        String before = sentence.substring(0, at);
        Matcher clause = CLAUSE_START.matcher(before);
        String inClause = clause.lookingAt() ? before.substring(clause.end()) : before;
        return DENIED_OR_PLANNED.matcher(inClause).find();
    }

    private static boolean inside(String sentence, int at, Pattern pattern) {
        Matcher m = pattern.matcher(sentence);
        while (m.find()) {
            if (m.start() <= at && at < m.end()) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<String> list, String phrase) {
        if (!list.contains(phrase)) {
            list.add(phrase);
        }
    }
}
