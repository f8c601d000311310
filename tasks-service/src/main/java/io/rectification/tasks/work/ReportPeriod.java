package io.rectification.tasks.work;

import io.rectification.platform.error.ApiException;
import io.rectification.tasks.task.ReportingCadence;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What period a progress report may cover: work done, so it begins no later than today (in the
 * organisation's zone), and one report is one 日报告, 周调度 or 月推进, so it spans at most one day,
 * seven days or 31 days (counted in days, not calendar months: a month that starts on the 31st has
 * no "same day" in the next). A period past today is allowed, as a weekly report written on Friday
 * covers its week.
 */
final class ReportPeriod {

    private ReportPeriod() {
    }

    static int longestDays(ReportingCadence cadence) {
        return switch (cadence) {
            case DAILY -> 1;
            case WEEKLY -> 7;
            case MONTHLY -> 31;
        };
    }

    /** A 400 naming the field at fault, or nothing when the period fits. */
    static void check(ReportingCadence cadence, LocalDate start, LocalDate end, LocalDate today) {
        if (end.isBefore(start)) {
            throw ApiException.badRequest("periodEnd", "must not be before periodStart (" + start + ")");
        }
        if (start.isAfter(today)) {
            throw ApiException.badRequest("periodStart", "a report covers work done: the period cannot begin after today ("
                    + today + ")");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        int longest = longestDays(cadence);
        if (days > longest) {
            throw ApiException.badRequest("periodEnd", "a " + cadence + " report covers at most " + longest
                    + (longest == 1 ? " day" : " days") + "; " + start + " to " + end + " is " + days
                    + " days: report each period on its own");
        }
    }
}
