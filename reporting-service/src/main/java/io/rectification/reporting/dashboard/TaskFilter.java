package io.rectification.reporting.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which tasks a dashboard figure covers: one inspection (or all), deadlines within [from, to], and
 * the day the figures are taken on ({@code asOf}: overdue means the deadline is before it).
 */
public record TaskFilter(UUID inspectionId, LocalDate from, LocalDate to, LocalDate asOf, int riskDays, ZoneId zone) {

    /** The SQL condition on rm_task (alias t) and its parameters, in order. */
    public String where(List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add("TRUE");
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
