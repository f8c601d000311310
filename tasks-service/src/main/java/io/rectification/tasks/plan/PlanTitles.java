package io.rectification.tasks.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbering a clerk copies with a title from the notice: （一） (一) 一、 before an area, 1. １． 1、
 * （1） before a problem, 一是 before a task, in half- or full-width and with blanks. The ledger numbers
 * areas, problems and tasks itself (by their place: （一）1.一是) and the lists print that number before
 * the title, so a title keeping its own read "（一）（一）…" in every list, or "(一)2. 1.…" once the two
 * disagreed. An import removes it, the breakdown table's with a warning, {@code POST /plans} (whose
 * answer has no warnings) as documented; a title that is nothing but a number stays as written.
 */
final class PlanTitles {

    private static final String CHINESE_NUMBER = "[一二三四五六七八九十百〇零]+";
    /** One numbering token and the blanks after it; "1." only when no digit follows (1.5亿元 is a figure). */
    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:[（(]\\s*(?:" + CHINESE_NUMBER + "|\\d+)\\s*[）)]"
            + "|" + CHINESE_NUMBER + "\\s*[、．.]|\\d+\\s*(?:[、．]|\\.(?!\\d))|" + CHINESE_NUMBER + "是)\\s*",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** （一）1. before a problem: a few tokens in a row, never more. */
    private static final int MOST_TOKENS = 3;

    private PlanTitles() {
    }

    /** The title without its leading numbering, and the numbering removed ("" when none). */
    record Stripped(String title, String numbering) {
    }

    static Stripped strip(String title) {
        String rest = title;
        StringBuilder numbering = new StringBuilder();
        for (int i = 0; i < MOST_TOKENS; i++) {
            Matcher token = NUMBERING.matcher(rest);
            if (!token.lookingAt()) {
                break;
            }
            numbering.append(token.group().strip());
            rest = rest.substring(token.end());
        }
        if (numbering.isEmpty() || rest.isBlank()) {
            return new Stripped(title.strip(), "");
        }
        return new Stripped(rest.strip(), numbering.toString());
    }

    /** The plan with every area's, problem's and task's title stripped of its numbering ({@code POST /plans}). */
    static PlanInput withoutNumbering(PlanInput plan) {
        return new PlanInput(plan.inspection(), plan.areas().stream().map(area -> new PlanInput.AreaPlan(
                strip(area.title()).title(), area.problems().stream().map(problem -> new PlanInput.ProblemPlan(
                        strip(problem.title()).title(), problem.description(), problem.tasks() == null ? null
                        : problem.tasks().stream().map(task -> task.withTitle(strip(task.title()).title())).toList()))
                        .toList())).toList());
    }
}
