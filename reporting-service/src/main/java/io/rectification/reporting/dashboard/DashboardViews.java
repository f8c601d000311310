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

    /**
     * The tasks of the scope ({@code source}; the inspection's findings by default). Completed counts
     * the tasks whose completion is claimed (待核验) and those closed out; verified (已销号) the closed
     * out, those in consolidation (已销号（巩固中）) among them, as the report's 已完成销号 counts them.
     * Rates are shares of all tasks covered, from 0 to 1. {@code otherSources}: the tasks of the same
     * inspection and deadlines outside the scope, by source, counted beside these figures and never in them.
     */
    @Schema(requiredProperties = {"asOf", "source", "tasks", "byState", "byKind", "completed", "verified",
            "completionRate", "verificationRate", "overdue", "atRisk", "averagePercentComplete", "otherSources"})
    public record Summary(UUID inspectionId, LocalDate asOf, SourceScope source, long tasks, Map<String, Long> byState,
                          Map<String, Long> byKind, long completed, long verified, BigDecimal completionRate,
                          BigDecimal verificationRate, long overdue, long atRisk, int averagePercentComplete,
                          List<SourceFigures> otherSources) {
    }

    /** The tasks of one problem source outside a summary's scope: how many, completed, closed out, overdue. */
    @Schema(requiredProperties = {"source", "tasks", "completed", "verified", "overdue"})
    public record SourceFigures(@Schema(enumeration = {"PLAN", "ANALOGY", "SELF_FOUND", "LOOK_BACK", "FEEDBACK"})
                                String source, long tasks, long completed, long verified, long overdue) {
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

    /**
     * A task past its deadline. {@code label} names it as every staff screen does, （三）5.一是 (null
     * until its area and problem are known here); {@code source} is its problem's (PLAN for none).
     */
    @Schema(requiredProperties = {"taskId", "deadline", "daysOverdue", "source"})
    public record OverdueTask(UUID taskId, UUID inspectionId, Integer areaNumber, String areaTitle, Integer problemNumber,
                              String problemTitle, Integer number, String label, String title, String leadOfficial,
                              String responsibleUnit, String responsiblePerson, LocalDate deadline, long daysOverdue,
                              String state, Integer percentComplete, String source) {
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

    /**
     * An inspection a dashboard can show ({@link DashboardInspections}): its title and team (either may be
     * missing), when it was registered, and whether it is in progress (a standing task not closed out).
     */
    @Schema(requiredProperties = {"id", "inProgress"})
    public record InspectionChoice(UUID id, String title, String team, OffsetDateTime registeredAt, boolean inProgress) {
    }
}
