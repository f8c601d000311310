package io.rectification.platform.text;

/**
 * The plan's numbering of a problem or a task as the inspection's notice writes it: (一)3. for the
 * third problem of the first area, (一)3.二是 for that problem's second task. A task's number is
 * unique only within its problem, so "任务2" alone does not say which task: this is the one way every
 * service (the three lists, the e-mail notices and digests) numbers one.
 */
public final class PlanNumbering {

    private PlanNumbering() {
    }

    /** The lists' 编号 column: (一)3.二是, ASCII brackets in a column of its own. @param task 0 for the problem itself */
    public static String label(int area, int problem, int task) {
        return numbering("(", ")", area, problem, task);
    }

    /**
     * Within Chinese running text (a notice, a digest): （一）3.二是, with the full-width brackets the
     * printed notice uses beside Chinese characters.
     */
    public static String inText(int area, int problem, int task) {
        return numbering("（", "）", area, problem, task);
    }

    private static String numbering(String open, String close, int area, int problem, int task) {
        return open + ChineseNumerals.of(area) + close + problem + "." + (task > 0 ? ChineseNumerals.of(task) + "是" : "");
    }
}
