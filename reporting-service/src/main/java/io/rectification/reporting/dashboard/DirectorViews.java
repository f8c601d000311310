package io.rectification.reporting.dashboard;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of the director's figures (/dashboard/director). */
public final class DirectorViews {

    private DirectorViews() {
    }

    /**
     * One responsible unit or lead official, ranked: rank 1 needs a director's attention most (see
     * {@link DirectorQueries#RANKING}). Completed counts claimed and closed-out tasks; the close-out rate is
     * closed-out (销号) over all tasks; regressions are reopens after a look-back (回头看).
     */
    @Schema(requiredProperties = {"rank", "tasks", "completed", "closedOut", "closeOutRate", "overdue",
            "reportsMissing", "regressions"})
    public record Standing(int rank, String name, long tasks, long completed, long closedOut, BigDecimal closeOutRate,
                           long overdue, long reportsMissing, long regressions) {
    }

    @Schema(requiredProperties = {"asOf", "units", "officials"})
    public record Rankings(LocalDate asOf, List<Standing> units, List<Standing> officials) {
    }

    /**
     * One week (Monday to Sunday in the organisation's zone) of the burn-up: tasks closed out (销号)
     * in it and tasks whose deadline falls in it, each with its running total. The running total of
     * close-outs is null for weeks after the asOf day: they have not happened yet.
     */
    @Schema(requiredProperties = {"weekStart", "weekEnd", "closedOut", "due", "dueToDate"})
    public record BurnUpWeek(LocalDate weekStart, LocalDate weekEnd, long closedOut, Long closedOutToDate, long due,
                             long dueToDate) {
    }

    /** The burn-up: all tasks covered (the scope), those without a deadline, and the weeks. */
    @Schema(requiredProperties = {"asOf", "timeZone", "tasks", "withoutDeadline", "weeks"})
    public record BurnUp(LocalDate asOf, String timeZone, long tasks, long withoutDeadline, List<BurnUpWeek> weeks) {
    }

    /**
     * Public feedback from receipt to outcome: answered in time means by its reply deadline; overdue
     * means unanswered past it now (the service's clock); escalated means turned into a rectification
     * problem (转为整改问题). Every item received is once in answered, mergedAndAnswered,
     * closedWithoutAnswer or awaitingAnswer, so the four add up to received: a reader of 收到 152 / 已答复 3
     * must not take the 21 merged items whose submitters see an answer, nor one closed, for unanswered.
     */
    @Schema(requiredProperties = {"received", "answered", "answeredInTime", "answeredLate", "unansweredOverdue",
            "escalated", "mergedAndAnswered", "closedWithoutAnswer", "awaitingAnswer"})
    public record FeedbackFunnel(long received, long answered, long answeredInTime, long answeredLate,
                                 long unansweredOverdue, long escalated,
                                 @Schema(description = "merged into another item that has been answered: its submitter"
                                         + " sees that answer") long mergedAndAnswered,
                                 @Schema(description = "closed (办结) without an answer of its own") long closedWithoutAnswer,
                                 @Schema(description = "the rest: neither answered, nor merged into an answered item, nor"
                                         + " closed") long awaitingAnswer) {

        static FeedbackFunnel of(long received, long answered, long answeredInTime, long answeredLate,
                                 long unansweredOverdue, long escalated, long mergedAndAnswered, long closedWithoutAnswer) {
            return new FeedbackFunnel(received, answered, answeredInTime, answeredLate, unansweredOverdue, escalated,
                    mergedAndAnswered, closedWithoutAnswer, received - answered - mergedAndAnswered - closedWithoutAnswer);
        }
    }

    /**
     * A task behind a figure, for the drill-down; the console's task page opens it by taskId. {@code label}
     * names it as every staff screen does, （三）5.一是 (null until its area and problem are known here).
     */
    @Schema(requiredProperties = {"taskId", "reportMissing", "reopenCount"})
    public record FigureTask(UUID taskId, Integer areaNumber, Integer problemNumber, Integer number, String label, String title,
                             String leadOfficial, String responsibleUnit, LocalDate deadline, String state,
                             OffsetDateTime closedOutAt, Long daysOverdue, boolean reportMissing, int reopenCount) {
    }
}
