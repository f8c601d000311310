package io.rectification.platform.contract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * When a task's progress report (日报告, 周调度, 月推进) is due and when it is missing: the one rule
 * tasks-service (the snapshot's {@code progressReportMissing}, GET /tasks, TaskProgressReportMissing) and
 * reporting-service (the dashboard, the 待办, the digest) both ask, read like a deadline.
 *
 * <p>The k-th report is due on a day, D_k: the organisation's date of {@code since} (the last report or,
 * before the first, the task's start) plus k cadences: k days, k weeks, or k calendar months counted
 * from since's date, a month end clamped (from 31 January: 28/29 February, then 31 March; each D_k is
 * counted from since, never from D_k-1). {@code since} is converted to the organisation's zone first,
 * so a value read back from the database at offset Z gives the same days as one just written at +08:00.
 *
 * <p>On day X the next report is due ("今日应报送") when D_1 is X, and missing (未按期报送) when D_1 is
 * before X: its due day ended without a report, as a task due today is overdue only from tomorrow.
 */
public final class ReportDue {

    private ReportDue() {
    }

    /**
     * The organisation's moment {@code k} cadences after {@code since} (k = 0: since itself), on that
     * zone's calendar: its date is D_k.
     *
     * @param cadence DAILY, WEEKLY or MONTHLY (the event catalogue's names)
     */
    public static LocalDateTime after(String cadence, OffsetDateTime since, ZoneId zone, long k) {
        LocalDateTime local = since.atZoneSameInstant(zone).toLocalDateTime();
        return switch (cadence) {
            case "DAILY" -> local.plusDays(k);
            case "WEEKLY" -> local.plusWeeks(k);
            case "MONTHLY" -> local.plusMonths(k);
            default -> throw new IllegalArgumentException("unknown reporting cadence " + cadence);
        };
    }

    /** D_k: the day the k-th report after {@code since} is due. */
    public static LocalDate dueOn(String cadence, OffsetDateTime since, ZoneId zone, long k) {
        return after(cadence, since, zone, k).toLocalDate();
    }

    /** Whether a report due on {@code dueOn} (null: none owed) is due on {@code day} itself. */
    public static boolean due(LocalDate dueOn, LocalDate day) {
        return dueOn != null && dueOn.equals(day);
    }

    /** Whether a report due on {@code dueOn} (null: none owed) is missing on {@code day}: its day ended. */
    public static boolean missing(LocalDate dueOn, LocalDate day) {
        return dueOn != null && dueOn.isBefore(day);
    }

    /** How many reports after {@code since} are missing on {@code day}: the k with D_k before the day. */
    public static long missedPeriods(String cadence, OffsetDateTime since, ZoneId zone, LocalDate day) {
        // D_k grows with k; a first guess from the days between, then counted forward and back (a month
        // from 31 Jan is 28 Feb, so no division gives the count at month ends)
        LocalDate start = dueOn(cadence, since, zone, 0);
        long guess = Math.max(0, start.until(day, ChronoUnit.DAYS)
                / switch (cadence) {
                    case "DAILY" -> 1;
                    case "WEEKLY" -> 7;
                    default -> 31;
                } - 1);
        long missed = guess;
        while (missing(dueOn(cadence, since, zone, missed + 1), day)) {
            missed++;
        }
        while (missed > 0 && !missing(dueOn(cadence, since, zone, missed), day)) {
            missed--;
        }
        return missed;
    }
}
