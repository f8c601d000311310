package io.rectification.reporting.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON shapes of the dashboard API. */
public final class DashboardViews {

    private DashboardViews() {
    }

    /** Rates are shares of all tasks covered, from 0 to 1. */
    public record Summary(UUID inspectionId, LocalDate asOf, long tasks, Map<String, Long> byState,
                          Map<String, Long> byKind, long completed, long verified, BigDecimal completionRate,
                          BigDecimal verificationRate, long overdue, long atRisk, int averagePercentComplete) {
    }

    /** One area (方面): its tasks, and the average percent complete of them. */
    public record AreaProgress(UUID areaId, Integer number, String title, long problems, long tasks, long completed,
                               long verified, long overdue, int percentComplete) {
    }

    /** One responsible unit or lead official. */
    public record Responsibility(String name, long tasks, long completed, long verified, long overdue,
                                 int percentComplete) {
    }

    public record OverdueTask(UUID taskId, UUID inspectionId, Integer areaNumber, String areaTitle, Integer problemNumber,
                              String problemTitle, Integer number, String title, String leadOfficial,
                              String responsibleUnit, String responsiblePerson, LocalDate deadline, long daysOverdue,
                              String state, Integer percentComplete) {
    }

    public record IndicatorPoint(OffsetDateTime recordedAt, BigDecimal value, String source) {
    }

    public record IndicatorSeries(UUID indicatorId, UUID taskId, String name, String unit, BigDecimal baseline,
                                  String targetKind, BigDecimal targetValue, String direction, Boolean met,
                                  List<IndicatorPoint> points) {
    }

    public record FeedbackDay(LocalDate day, long received, long answered) {
    }

    /**
     * Feedback counts; hours to answer are from receipt to answer, over the answered ones. {@code escalated}
     * is feedback whose escalation stands (status ESCALATED), of which {@code linkedToProblem} became a
     * problem; {@code escalationRefused} is feedback whose escalation tasks-service refused;
     * {@code mergedAndAnswered} is merged feedback whose item (merged into) has been answered.
     */
    public record FeedbackSeries(UUID inspectionId, long received, long answered, Map<String, Long> byChannel,
                                 Map<String, Long> byCategory, Map<String, Long> byStatus, List<FeedbackDay> byDay,
                                 BigDecimal averageHoursToAnswer, BigDecimal medianHoursToAnswer,
                                 long replyOverdue, long escalated, long linkedToProblem, long escalationRefused,
                                 long mergedAndAnswered) {
    }
}
