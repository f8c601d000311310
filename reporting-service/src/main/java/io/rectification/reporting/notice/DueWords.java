package io.rectification.reporting.notice;

/**
 * How soon something is due, in the words of every notice and digest line: 今日到期, 还有N天,
 * 已逾期N天. Days are calendar days in the organisation's zone, counted by the caller.
 */
final class DueWords {

    private DueWords() {
    }

    /** @param daysLeft days from today to the due date; negative: that many days overdue */
    static String of(long daysLeft) {
        if (daysLeft < 0) {
            return overdue(-daysLeft);
        }
        return daysLeft == 0 ? "今日到期" : "还有" + daysLeft + "天";
    }

    static String overdue(long days) {
        return "已逾期" + days + "天";
    }
}
