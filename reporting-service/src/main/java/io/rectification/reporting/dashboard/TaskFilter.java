package io.rectification.reporting.dashboard;

import io.rectification.platform.rest.QueryParameters;
import io.rectification.reporting.support.ReportingConfig;
import io.rectification.reporting.support.Standing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which tasks a dashboard figure covers: one inspection (or all), deadlines within [from, to], the
 * source of their problem ({@link SourceScope}, the inspection's findings by default), and the day the
 * figures are taken on ({@code asOf}: overdue means the deadline is before it).
 */
public record TaskFilter(UUID inspectionId, LocalDate from, LocalDate to, LocalDate asOf, int riskDays, ZoneId zone,
                         SourceScope source) {

    /** The column of rm_task and rm_task_tally (alias t) holding the source of a task's problem. */
    static final String SOURCE_COLUMN = "t.problem_source";

    public TaskFilter {
        source = source == null ? SourceScope.PLAN : source;
    }

    /**
     * From query parameters as a dashboard resource receives them: bad dates answer 400 naming the
     * parameter; no asOf means today in the organisation's zone; no source the inspection's findings.
     */
    public static TaskFilter of(String inspectionId, String from, String to, String asOf, int riskDays,
                                SourceScope source, ReportingConfig config) {
        QueryParameters.Days days = QueryParameters.days(from, to);
        LocalDate asOfDay = QueryParameters.date("asOf", asOf);
        return new TaskFilter(QueryParameters.uuid("inspectionId", inspectionId), days.from(), days.to(),
                asOfDay != null ? asOfDay : config.today(), riskDays, config.zone(), source);
    }

    /** The SQL condition on rm_task (alias t), standing tasks only ({@link Standing}), and its parameters, in order. */
    public String where(List<Object> parameters) {
        return Standing.sql("t") + " AND " + whereInTally(parameters);
    }

    /** The same condition on rm_task_tally (alias t), which counts the standing tasks only (V30). */
    public String whereInTally(List<Object> parameters) {
        return where(parameters, source.sql(SOURCE_COLUMN));
    }

    /**
     * The condition on rm_task_tally without the source's: the tasks the figures cover and those of the
     * other sources beside them, told apart by {@link #inScopeInTally()}.
     */
    public String whereAnySourceInTally(List<Object> parameters) {
        return where(parameters, "TRUE");
    }

    /** Whether a rm_task_tally row (alias t) is of a source the figures cover: a boolean SQL expression, no parameters. */
    public String inScopeInTally() {
        return source.sql(SOURCE_COLUMN);
    }

    private String where(List<Object> parameters, String sourceCondition) {
        List<String> conditions = new ArrayList<>();
        conditions.add(sourceCondition);
        if (inspectionId != null) {
            conditions.add("t.inspection_id = ?");
            parameters.add(inspectionId);
        }
        if (from != null) {
            conditions.add("t.deadline >= ?");
            parameters.add(from);
        }
        if (to != null) {
            conditions.add("t.deadline <= ?");
            parameters.add(to);
        }
        return String.join(" AND ", conditions);
    }

    /** The end of the asOf day in the organisation's zone: progress reports up to then count. */
    public java.time.OffsetDateTime endOfDay() {
        return ZonedDateTime.of(asOf.plusDays(1).atStartOfDay(), zone).toOffsetDateTime();
    }
}
