package io.rectification.reporting.dashboard;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.rest.PageOf;
import io.rectification.reporting.dashboard.DashboardViews.AreaProgress;
import io.rectification.reporting.dashboard.DashboardViews.FeedbackDay;
import io.rectification.reporting.dashboard.DashboardViews.FeedbackSeries;
import io.rectification.reporting.dashboard.DashboardViews.IndicatorPoint;
import io.rectification.reporting.dashboard.DashboardViews.IndicatorSeries;
import io.rectification.reporting.dashboard.DashboardViews.OverdueTask;
import io.rectification.reporting.dashboard.DashboardViews.Responsibility;
import io.rectification.reporting.dashboard.DashboardViews.SourceFigures;
import io.rectification.reporting.dashboard.DashboardViews.Summary;
import io.rectification.reporting.support.InspectionFindings;
import io.rectification.reporting.support.Sql;
import io.rectification.reporting.support.Standing;
import io.rectification.reporting.support.TaskLabel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/** The figures of the dashboards, computed from the read models on each request. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DashboardQueries {

    private static final TasksEvent.Indicator NO_INDICATOR =
            new TasksEvent.Indicator(null, null, null, null, null, null, null, null, null, null);

    /**
     * The order a summary lists the other sources in (otherSources): the inspection's findings, then
     * 举一反三, 自查发现, 回头看, 群众反映; a source not among them after these, by name.
     */
    private static final List<String> SOURCES = List.of("PLAN", "ANALOGY", "SELF_FOUND", "LOOK_BACK", "FEEDBACK");
    private static final Comparator<String> SOURCE_ORDER = Comparator
            .<String>comparingInt(source -> SOURCES.contains(source) ? SOURCES.indexOf(source) : SOURCES.size())
            .thenComparing(Comparator.naturalOrder());

    private final Sql sql;
    private final Clock clock;

    public DashboardQueries(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * From the counters (rm_task_tally, kept with rm_task in the projection's transaction): one query
     * over an inspection's distinct (deadline, state, kind, report-due day) combinations, however many
     * tasks it has. Overdue and at risk are sums over the deadline days (and report-due days) the
     * asOf day and riskDays select. The counters count standing tasks only (a cancelled one, 撤销, is in
     * no figure). {@code DashboardSummaryTallyTest} holds it equal to the figures
     * counted from the task rows.
     */
    public Summary summary(TaskFilter filter) {
        List<Object> parameters = new ArrayList<>();
        overdueAndRiskParameters(filter, parameters);
        String where = filter.whereAnySourceInTally(parameters);
        Map<String, Long> byState = new TreeMap<>();
        Map<String, Long> byKind = new TreeMap<>();
        long[] totals = new long[6];
        Map<String, long[]> outside = new TreeMap<>(SOURCE_ORDER);
        // One statement for the figures and, beside them, the other sources' (in_scope false): two were one
        // more round trip on every poll of every dashboard.
        sql.query("SELECT " + filter.inScopeInTally() + ", " + InspectionFindings.sourceSql("t.problem_source")
                        + ", t.state, t.kind, sum(t.tasks),"
                        + " coalesce(sum(t.tasks) FILTER (WHERE " + TaskStates.COMPLETED + "), 0),"
                        + " coalesce(sum(t.tasks) FILTER (WHERE " + TaskStates.VERIFIED + "), 0),"
                        + " coalesce(sum(t.tasks) FILTER (WHERE " + TaskStates.OVERDUE + "), 0),"
                        + " coalesce(sum(t.tasks) FILTER (WHERE " + TaskStates.AT_RISK + "), 0),"
                        + " sum(t.percent_sum)"
                        + " FROM rm_task_tally t WHERE " + where + " GROUP BY 1, 2, 3, 4",
                row -> {
                    if (!row.getBoolean(1)) {
                        long[] other = outside.computeIfAbsent(row.getString(2), source -> new long[4]);
                        for (int i = 0; i < other.length; i++) {
                            other[i] += row.getLong(5 + i);
                        }
                        return null;
                    }
                    long tasks = row.getLong(5);
                    byState.merge(String.valueOf(row.getString(3)), tasks, Long::sum);
                    byKind.merge(String.valueOf(row.getString(4)), tasks, Long::sum);
                    for (int i = 0; i < totals.length; i++) {
                        totals[i] += row.getLong(5 + i);
                    }
                    return null;
                },
                parameters.toArray());
        long tasks = totals[0];
        int averagePercent = tasks == 0 ? 0
                : BigDecimal.valueOf(totals[5]).divide(BigDecimal.valueOf(tasks), 0, RoundingMode.HALF_UP).intValue();
        List<SourceFigures> otherSources = outside.entrySet().stream()
                .map(e -> new SourceFigures(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
        return new Summary(filter.inspectionId(), filter.asOf(), filter.source(), tasks, byState, byKind, totals[1],
                totals[2], rate(totals[1], tasks), rate(totals[2], tasks), totals[3], totals[4], averagePercent,
                otherSources);
    }

    public List<AreaProgress> areas(TaskFilter filter) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(filter.asOf());
        String where = filter.where(parameters);
        return sql.query("SELECT t.area_id, a.number, a.title, count(DISTINCT t.problem_id), count(*),"
                        + " count(*) FILTER (WHERE " + TaskStates.COMPLETED + "),"
                        + " count(*) FILTER (WHERE " + TaskStates.VERIFIED + "),"
                        + " count(*) FILTER (WHERE " + TaskStates.OVERDUE + "),"
                        + " coalesce(round(avg(coalesce(t.percent_complete, 0))), 0)"
                        + " FROM rm_task t LEFT JOIN rm_area a ON a.id = t.area_id WHERE " + where
                        + " GROUP BY t.area_id, a.number, a.title ORDER BY a.number NULLS LAST, a.title",
                row -> new AreaProgress(row.getObject(1, UUID.class), (Integer) row.getObject(2), row.getString(3),
                        row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getInt(9)),
                parameters.toArray());
    }

    /** Tasks grouped by a responsibility column: {@code responsible_unit} or {@code lead_official}. */
    public List<Responsibility> responsibilities(String column, TaskFilter filter) {
        if (!column.equals("responsible_unit") && !column.equals("lead_official")) {
            throw new IllegalArgumentException(column);
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(filter.asOf());
        String where = filter.where(parameters);
        return sql.query("SELECT coalesce(t." + column + ", ''), count(*),"
                        + " count(*) FILTER (WHERE " + TaskStates.COMPLETED + "),"
                        + " count(*) FILTER (WHERE " + TaskStates.VERIFIED + "),"
                        + " count(*) FILTER (WHERE " + TaskStates.OVERDUE + "),"
                        + " coalesce(round(avg(coalesce(t.percent_complete, 0))), 0)"
                        + " FROM rm_task t WHERE " + where + " GROUP BY 1 ORDER BY 1",
                row -> new Responsibility(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getLong(5), row.getInt(6)),
                parameters.toArray());
    }

    public PageOf<OverdueTask> overdue(TaskFilter filter, int page, int size) {
        List<Object> countParameters = new ArrayList<>();
        String where = filter.where(countParameters) + " AND " + TaskStates.OVERDUE;
        countParameters.add(filter.asOf());
        long total = sql.one("SELECT count(*) FROM rm_task t WHERE " + where, row -> row.getLong(1),
                countParameters.toArray());
        List<Object> parameters = new ArrayList<>();
        parameters.add(filter.asOf()); // days overdue
        parameters.addAll(countParameters);
        parameters.add(size);
        parameters.add((long) page * size);
        List<OverdueTask> items = sql.query("SELECT t.id, t.inspection_id, a.number, a.title, p.number, p.title,"
                        + " t.number, t.title, t.lead_official, t.responsible_unit, t.responsible_person, t.deadline,"
                        + " CAST(? AS date) - t.deadline, t.state, t.percent_complete, "
                        + InspectionFindings.sourceSql("t.problem_source")
                        + " FROM rm_task t" + TaskLabel.JOIN
                        + " WHERE " + where
                        + " ORDER BY t.deadline, a.number, p.number, t.number, t.id LIMIT ? OFFSET ?",
                row -> new OverdueTask(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        (Integer) row.getObject(3), row.getString(4), (Integer) row.getObject(5), row.getString(6),
                        (Integer) row.getObject(7), TaskLabel.of((Integer) row.getObject(3), (Integer) row.getObject(5),
                                (Integer) row.getObject(7)), row.getString(8), row.getString(9), row.getString(10),
                        row.getString(11), row.getObject(12, LocalDate.class), row.getLong(13), row.getString(14),
                        (Integer) row.getObject(15), row.getString(16)),
                parameters.toArray());
        return new PageOf<>(items, page, size, total);
    }

    public List<IndicatorSeries> indicators(UUID inspectionId, UUID taskId, LocalDate from, LocalDate to, ZoneId zone) {
        List<Object> parameters = new ArrayList<>();
        // the values of a task cancelled since (撤销) are in no series; those of a task not read here yet are
        StringBuilder where = new StringBuilder(Standing.sql("t"));
        if (inspectionId != null) {
            where.append(" AND v.inspection_id = ?");
            parameters.add(inspectionId);
        }
        if (taskId != null) {
            where.append(" AND v.task_id = ?");
            parameters.add(taskId);
        }
        appendDayRange(where, parameters, "v.recorded_at", from, to, zone);
        Map<UUID, List<Object[]>> byIndicator = new LinkedHashMap<>();
        sql.query("SELECT v.indicator_id, v.task_id, v.name, v.unit, v.value, v.source, v.recorded_at, t.data"
                        + " FROM rm_indicator_value v LEFT JOIN rm_task t ON t.id = v.task_id WHERE " + where
                        + " ORDER BY v.task_id, v.indicator_id, v.recorded_at, v.event_id",
                row -> byIndicator.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Object[]{row.getObject(2, UUID.class), row.getString(3), row.getString(4),
                                row.getBigDecimal(5), row.getString(6), row.getObject(7, OffsetDateTime.class),
                                row.getString(8)}),
                parameters.toArray());
        List<IndicatorSeries> series = new ArrayList<>();
        byIndicator.forEach((indicatorId, rows) -> {
            Object[] last = rows.get(rows.size() - 1);
            // the indicator as the task's last snapshot declares it; without one, its recorded name and unit
            TasksEvent.Indicator indicator = Objects.requireNonNullElse(indicatorOf((String) last[6], indicatorId),
                    NO_INDICATOR);
            List<IndicatorPoint> points = rows.stream()
                    .map(r -> new IndicatorPoint((OffsetDateTime) r[5], (BigDecimal) r[3], (String) r[4])).toList();
            series.add(new IndicatorSeries(indicatorId, (UUID) last[0],
                    indicator.name() != null ? indicator.name() : (String) last[1],
                    indicator.unit() != null ? indicator.unit() : (String) last[2], indicator.baseline(),
                    indicator.targetKind(), indicator.targetValue(), indicator.direction(), indicator.met(), points));
        });
        return series;
    }

    private static Object[] withFirst(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    public FeedbackSeries feedback(UUID inspectionId, LocalDate from, LocalDate to, ZoneId zone) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder("TRUE");
        if (inspectionId != null) {
            where.append(" AND f.inspection_id = ?");
            parameters.add(inspectionId);
        }
        appendDayRange(where, parameters, "f.received_at", from, to, zone);
        Object[] p = parameters.toArray();
        String zoneName = zone.getId().replace("'", "");
        Object[] totals = sql.one("SELECT count(*), count(f.answered_at),"
                        + " round(CAST(avg(extract(epoch FROM f.answered_at - f.received_at)) / 3600 AS numeric), 1),"
                        + " round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.answered_at - f.received_at)) / 3600 AS numeric), 1),"
                        // overdue as of the service's clock (tests pin it), not the database's
                        + " count(*) FILTER (WHERE f.answered_at IS NULL AND f.reply_due_at < ?"
                        + "   AND coalesce(f.status, '') NOT IN ('CLOSED', 'MERGED')),"
                        + " count(*) FILTER (WHERE f.status = 'ESCALATED'),"
                        + " count(*) FILTER (WHERE f.escalated_problem_id IS NOT NULL),"
                        + " count(*) FILTER (WHERE f.status = 'ESCALATION_REFUSED'),"
                        // a merged item is answered by the answer of the one it joined
                        + " count(*) FILTER (WHERE f.merged_into_id IS NOT NULL AND EXISTS (SELECT 1 FROM rm_feedback m"
                        + "   WHERE m.id = f.merged_into_id AND m.answered_at IS NOT NULL))"
                        + " FROM rm_feedback f WHERE " + where,
                row -> new Object[]{row.getLong(1), row.getLong(2), row.getBigDecimal(3), row.getBigDecimal(4),
                        row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9)},
                withFirst(OffsetDateTime.now(clock), p));
        Map<LocalDate, long[]> days = new TreeMap<>();
        sql.query("SELECT CAST(f.received_at AT TIME ZONE '" + zoneName + "' AS date), count(*) FROM rm_feedback f"
                        + " WHERE " + where + " AND f.received_at IS NOT NULL GROUP BY 1",
                row -> days.computeIfAbsent(row.getObject(1, LocalDate.class), d -> new long[2])[0] = row.getLong(2), p);
        sql.query("SELECT CAST(f.answered_at AT TIME ZONE '" + zoneName + "' AS date), count(*) FROM rm_feedback f"
                        + " WHERE " + where + " AND f.answered_at IS NOT NULL GROUP BY 1",
                row -> days.computeIfAbsent(row.getObject(1, LocalDate.class), d -> new long[2])[1] = row.getLong(2), p);
        List<FeedbackDay> byDay = days.entrySet().stream()
                .map(e -> new FeedbackDay(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new FeedbackSeries(inspectionId, (long) totals[0], (long) totals[1], feedbackBy("f.channel", where, p),
                feedbackBy("coalesce(f.category, 'UNCATEGORISED')", where, p), feedbackBy("f.status", where, p), byDay,
                (BigDecimal) totals[2], (BigDecimal) totals[3], (long) totals[4], (long) totals[5], (long) totals[6], (long) totals[7],
                (long) totals[8]);
    }

    private Map<String, Long> feedbackBy(String expression, CharSequence where, Object[] parameters) {
        Map<String, Long> counts = new TreeMap<>();
        sql.query("SELECT " + expression + ", count(*) FROM rm_feedback f WHERE " + where + " GROUP BY 1",
                row -> counts.put(String.valueOf(row.getString(1)), row.getLong(2)), parameters);
        return counts;
    }


    /** Parameters of OVERDUE then AT_RISK, which the summary's SELECT list uses before the WHERE. */
    private static void overdueAndRiskParameters(TaskFilter filter, List<Object> parameters) {
        parameters.add(filter.asOf());
        parameters.add(filter.asOf());
        parameters.add(filter.asOf());
        parameters.add(filter.asOf().plusDays(filter.riskDays()));
        parameters.add(filter.asOf());
    }

    private static void appendDayRange(StringBuilder where, List<Object> parameters, String column, LocalDate from,
                                       LocalDate to, ZoneId zone) {
        if (from != null) {
            where.append(" AND ").append(column).append(" >= ?");
            parameters.add(from.atStartOfDay(zone).toOffsetDateTime());
        }
        if (to != null) {
            where.append(" AND ").append(column).append(" < ?");
            parameters.add(to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
    }

    /** The indicator in the task's stored snapshot; null when the task, its snapshot or the indicator is not there. */
    private static TasksEvent.Indicator indicatorOf(String taskData, UUID indicatorId) {
        TasksEvent.TaskSnapshot task;
        try {
            task = EventContract.fromJson(taskData, TasksEvent.TaskSnapshot.class);
        } catch (IllegalArgumentException e) {
            return null; // a snapshot this build cannot read: the series keeps the values' own name and unit
        }
        if (task == null || task.indicators() == null) {
            return null;
        }
        return task.indicators().stream().filter(indicator -> indicatorId.equals(indicator.id())).findFirst().orElse(null);
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
