package io.rectification.reporting.dashboard;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    @Schema(requiredProperties = {"asOf", "tasks", "byState", "byKind", "completed", "verified", "completionRate",
            "verificationRate", "overdue", "atRisk", "averagePercentComplete"})
    public record Summary(UUID inspectionId, LocalDate asOf, long tasks, Map<String, Long> byState,
                          Map<String, Long> byKind, long completed, long verified, BigDecimal completionRate,
                          BigDecimal verificationRate, long overdue, long atRisk, int averagePercentComplete) {
    }

    /** One area (方面): its tasks, and the average percent complete of them. */
    @Schema(requiredProperties = {"problems", "tasks", "completed", "verified", "overdue", "percentComplete"})
    public record AreaProgress(UUID areaId, Integer number, String title, long problems, long tasks, long completed,
                               long verified, long overdue, int percentComplete) {
    }

    /** One responsible unit or lead official. */
    @Schema(requiredProperties = {"tasks", "completed", "verified", "overdue", "percentComplete"})
    public record Responsibility(String name, long tasks, long completed, long verified, long overdue,
                                 int percentComplete) {
    }

    @Schema(requiredProperties = {"taskId", "deadline", "daysOverdue"})
    public record OverdueTask(UUID taskId, UUID inspectionId, Integer areaNumber, String areaTitle, Integer problemNumber,
                              String problemTitle, Integer number, String title, String leadOfficial,
                              String responsibleUnit, String responsiblePerson, LocalDate deadline, long daysOverdue,
                              String state, Integer percentComplete) {
    }

    @Schema(requiredProperties = {"recordedAt", "value"})
    public record IndicatorPoint(OffsetDateTime recordedAt, BigDecimal value, String source) {
    }

    @Schema(requiredProperties = {"indicatorId", "taskId", "points"})
    public record IndicatorSeries(UUID indicatorId, UUID taskId, String name, String unit, BigDecimal baseline,
                                  String targetKind, BigDecimal targetValue, String direction, Boolean met,
                                  List<IndicatorPoint> points) {
    }

    @Schema(requiredProperties = {"day", "received", "answered"})
    public record FeedbackDay(LocalDate day, long received, long answered) {
    }

    /**
     * Feedback counts; hours to answer are from receipt to answer, over the answered ones. {@code escalated}
     * is feedback whose escalation stands (status ESCALATED), of which {@code linkedToProblem} became a
     * problem; {@code escalationRefused} is feedback whose escalation tasks-service refused;
     * {@code mergedAndAnswered} is merged feedback whose item (merged into) has been answered.
     */
    @Schema(requiredProperties = {"received", "answered", "byChannel", "byCategory", "byStatus", "byDay",
            "replyOverdue", "escalated", "linkedToProblem", "escalationRefused", "mergedAndAnswered"})
    public record FeedbackSeries(UUID inspectionId, long received, long answered, Map<String, Long> byChannel,
                                 Map<String, Long> byCategory, Map<String, Long> byStatus, List<FeedbackDay> byDay,
                                 BigDecimal averageHoursToAnswer, BigDecimal medianHoursToAnswer,
                                 long replyOverdue, long escalated, long linkedToProblem, long escalationRefused,
                                 long mergedAndAnswered) {
    }
}
