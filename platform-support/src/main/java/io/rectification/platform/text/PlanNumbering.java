package io.rectification.platform.text;

/**
 * The plan's numbering of a problem or a task as the inspection's notice writes it: （一）3. for the
 * third problem of the first area, （一）3.二是 for that problem's second task. A task's number is
 * unique only within its problem, so "任务2" alone does not say which task: this is the one way every
 * service (the three lists, the e-mail notices and digests, the dashboards, the public form's choices)
 * numbers one, with the full-width brackets the printed notice uses beside Chinese characters, so that
 * a clerk reading a mail finds the same words on every screen (the console's taskNames.ts writes them
 * the same way).
 */
public final class PlanNumbering {

    private PlanNumbering() {
    }

    /** （一）3.二是, or （一）3. for the problem itself. @param task 0 for the problem itself */
    public static String inText(int area, int problem, int task) {
        return area(area) + inArea(problem, task);
    }

    /** （一）: an area's number, as the notice heads it. */
    public static String area(int area) {
        return "（" + ChineseNumerals.of(area) + "）";
    }

    /**
     * 3.二是, or 3. for the problem itself: the numbering under an area already named (the public form
     * offers the measures of the area chosen). @param task 0 for the problem itself
     */
    public static String inArea(int problem, int task) {
        return problem + "." + (task > 0 ? ordinal(task) : "");
    }

    /** 二是: a task's own number as the plan writes its measures (一是, 二是…), in a column of its own. */
    public static String ordinal(int task) {
        return ChineseNumerals.of(task) + "是";
    }
}
