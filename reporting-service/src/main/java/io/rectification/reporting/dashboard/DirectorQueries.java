package io.rectification.reporting.dashboard;

import io.rectification.reporting.dashboard.DirectorViews.BurnUp;
import io.rectification.reporting.dashboard.DirectorViews.BurnUpWeek;
import io.rectification.reporting.dashboard.DirectorViews.FeedbackFunnel;
import io.rectification.reporting.dashboard.DirectorViews.FigureTask;
import io.rectification.reporting.dashboard.DirectorViews.Rankings;
import io.rectification.reporting.dashboard.DirectorViews.Standing;
import io.rectification.reporting.support.Sql;
import io.rectification.reporting.support.TaskLabel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.time.Clock;
import java.time.ZoneId;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a director reads: units and lead officials ranked, the weekly burn-up of close-outs (销号)
 * against the plan's deadlines, the feedback funnel, and the tasks behind each figure. Computed from
 * the read models on each request.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DirectorQueries {

    /**
     * Rank 1 needs attention most: most overdue first, then most progress reports missing, then most
     * regressions, then the lowest close-out rate; names (in pinyin order) break ties.
     */
    static final Comparator<Standing> RANKING = Comparator.comparingLong(Standing::overdue).reversed()
            .thenComparing(Comparator.comparingLong(Standing::reportsMissing).reversed())
            .thenComparing(Comparator.comparingLong(Standing::regressions).reversed())
            .thenComparing(Standing::closeOutRate)
            .thenComparing(Standing::name, Collator.getInstance(Locale.CHINA));

    /** When a task was closed out: its verification, or its last event for one that never said. */
    private static final String CLOSED_OUT_AT = "coalesce(t.verified_at, t.event_time)";

    private final Sql sql;
    private final Clock clock;

    public DirectorQueries(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    public Rankings rankings(TaskFilter filter) {
        return new Rankings(filter.asOf(), ranked("responsible_unit", filter), ranked("lead_official", filter));
    }

    private List<Standing> ranked(String column, TaskFilter filter) {
        List<Object> parameters = new ArrayList<>(List.of(filter.asOf(), filter.asOf()));
        String where = filter.where(parameters);
        List<Standing> rows = sql.query("SELECT coalesce(t." + column + ", ''), count(*),"
                        + " count(*) FILTER (WHERE " + TaskStates.COMPLETED + "),"
                        + " count(*) FILTER (WHERE " + TaskStates.VERIFIED + "),"
                        + " count(*) FILTER (WHERE " + TaskStates.OVERDUE + "),"
                        + " count(*) FILTER (WHERE " + TaskStates.REPORT_MISSING + "),"
                        + " coalesce(sum(coalesce(t.reopen_count, 0)), 0)"
                        + " FROM rm_task t WHERE " + where + " GROUP BY 1",
                row -> new Standing(0, row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        rate(row.getLong(4), row.getLong(2)), row.getLong(5), row.getLong(6), row.getLong(7)),
                parameters.toArray());
        List<Standing> sorted = rows.stream().sorted(RANKING).toList();
        List<Standing> ranked = new ArrayList<>();
        for (Standing s : sorted) {
            ranked.add(new Standing(ranked.size() + 1, s.name(), s.tasks(), s.completed(), s.closedOut(),
                    s.closeOutRate(), s.overdue(), s.reportsMissing(), s.regressions()));
        }
        return ranked;
    }

    /**
     * Close-outs per week against deadlines per week. Weeks run Monday 00:00 to Sunday 24:00 in the
     * organisation's zone, so a close-out at 23:59 on a Sunday in Shanghai counts for that week even
     * though it is Sunday afternoon in UTC, and one at 00:01 on Monday for the next.
     */
    public BurnUp burnUp(TaskFilter filter) {
        List<Object> closedParameters = new ArrayList<>(List.of(filter.zone().getId()));
        String closedWhere = filter.where(closedParameters);
        closedParameters.add(filter.endOfDay());
        Map<LocalDate, Long> closedByWeek = new TreeMap<>();
        sql.query("SELECT CAST(" + CLOSED_OUT_AT + " AT TIME ZONE ? AS date), count(*) FROM rm_task t WHERE "
                        + closedWhere + " AND " + TaskStates.VERIFIED + " AND " + CLOSED_OUT_AT + " < ? GROUP BY 1",
                row -> closedByWeek.merge(weekOf(row.getObject(1, LocalDate.class)), row.getLong(2), Long::sum),
                closedParameters.toArray());
        List<Object> parameters = new ArrayList<>();
        String where = filter.where(parameters);
        Map<LocalDate, Long> dueByWeek = new TreeMap<>();
        long[] scope = new long[2];
        sql.query("SELECT t.deadline, count(*) FROM rm_task t WHERE " + where + " GROUP BY 1",
                row -> {
                    LocalDate deadline = row.getObject(1, LocalDate.class);
                    scope[0] += row.getLong(2);
                    if (deadline == null) {
                        scope[1] += row.getLong(2);
                    } else {
                        dueByWeek.merge(weekOf(deadline), row.getLong(2), Long::sum);
                    }
                    return null;
                }, parameters.toArray());
        return new BurnUp(filter.asOf(), filter.zone().getId(), scope[0], scope[1],
                weeks(closedByWeek, dueByWeek, weekOf(filter.asOf())));
    }

    private static List<BurnUpWeek> weeks(Map<LocalDate, Long> closedByWeek, Map<LocalDate, Long> dueByWeek,
                                          LocalDate asOfWeek) {
        TreeMap<LocalDate, Boolean> known = new TreeMap<>();
        closedByWeek.keySet().forEach(w -> known.put(w, true));
        dueByWeek.keySet().forEach(w -> known.put(w, true));
        if (known.isEmpty()) {
            return List.of();
        }
        LocalDate last = known.lastKey().isAfter(asOfWeek) ? known.lastKey() : asOfWeek;
        List<BurnUpWeek> weeks = new ArrayList<>();
        long closedToDate = 0;
        long dueToDate = 0;
        for (LocalDate week = known.firstKey(); !week.isAfter(last); week = week.plusWeeks(1)) {
            long closed = closedByWeek.getOrDefault(week, 0L);
            long due = dueByWeek.getOrDefault(week, 0L);
            closedToDate += closed;
            dueToDate += due;
            weeks.add(new BurnUpWeek(week, week.plusDays(6), closed, week.isAfter(asOfWeek) ? null : closedToDate, due,
                    dueToDate));
        }
        return weeks;
    }

    static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The funnel of the feedback received from {@code from} to {@code to} (days in the organisation's zone; null: open). */
    public FeedbackFunnel funnel(UUID inspectionId, LocalDate from, LocalDate to, ZoneId zone) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(OffsetDateTime.now(clock));
        String where = "TRUE";
        if (inspectionId != null) {
            where += " AND f.inspection_id = ?";
            parameters.add(inspectionId);
        }
        if (from != null) {
            where += " AND f.received_at >= ?";
            parameters.add(from.atStartOfDay(zone).toOffsetDateTime());
        }
        if (to != null) {
            where += " AND f.received_at < ?";
            parameters.add(to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        return sql.one("SELECT count(*), count(f.answered_at),"
                        + " count(*) FILTER (WHERE f.answered_at IS NOT NULL"
                        + "   AND (f.reply_due_at IS NULL OR f.answered_at <= f.reply_due_at)),"
                        + " count(*) FILTER (WHERE f.answered_at > f.reply_due_at),"
                        + " count(*) FILTER (WHERE f.answered_at IS NULL AND f.reply_due_at < ?"
                        + "   AND coalesce(f.status, '') NOT IN ('CLOSED', 'MERGED')),"
                        + " count(e.feedback_id),"
                        // the submitters of a merged item see the answer of the one it joined (DashboardQueries')
                        + " count(*) FILTER (WHERE f.answered_at IS NULL AND f.merged_into_id IS NOT NULL"
                        + "   AND EXISTS (SELECT 1 FROM rm_feedback m WHERE m.id = f.merged_into_id AND m.answered_at IS NOT NULL)),"
                        + " count(*) FILTER (WHERE f.answered_at IS NULL AND f.status = 'CLOSED')"
                        + " FROM rm_feedback f LEFT JOIN rm_escalation e ON e.feedback_id = f.id WHERE " + where,
                row -> FeedbackFunnel.of(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8)),
                parameters.toArray());
    }

    /**
     * The tasks behind a figure: of one unit and/or lead official ("" for the ones without), and/or
     * closed out or due in the week starting on {@code week} (a Monday). Most overdue first; the first
     * {@code limit} after skipping {@code offset}.
     */
    public List<FigureTask> tasks(TaskFilter filter, FigureScope scope, int limit, long offset) {
        // the SELECT list's: days overdue (OVERDUE, then the subtraction), then REPORT_MISSING
        List<Object> parameters = new ArrayList<>(List.of(filter.asOf(), filter.asOf(), filter.asOf()));
        String where = where(filter, scope, parameters);
        parameters.add(limit);
        parameters.add(offset);
        return sql.query("SELECT t.id, a.number, p.number, t.number, t.title, t.lead_official, t.responsible_unit,"
                        + " t.deadline, t.state, CASE WHEN " + TaskStates.VERIFIED + " THEN " + CLOSED_OUT_AT + " END,"
                        + " CASE WHEN " + TaskStates.OVERDUE + " THEN CAST(? AS date) - t.deadline END,"
                        + " " + TaskStates.REPORT_MISSING + ", coalesce(t.reopen_count, 0)"
                        + " FROM rm_task t" + TaskLabel.JOIN
                        + " WHERE " + where
                        + " ORDER BY 11 DESC NULLS LAST, t.deadline NULLS LAST, a.number, p.number, t.number, t.id"
                        + " LIMIT ? OFFSET ?",
                row -> new FigureTask(row.getObject(1, UUID.class), (Integer) row.getObject(2),
                        (Integer) row.getObject(3), (Integer) row.getObject(4), TaskLabel.of((Integer) row.getObject(2),
                                (Integer) row.getObject(3), (Integer) row.getObject(4)), row.getString(5), row.getString(6),
                        row.getString(7), row.getObject(8, LocalDate.class), row.getString(9),
                        row.getObject(10, OffsetDateTime.class), row.getObject(11) == null ? null : row.getLong(11), row.getBoolean(12),
                        row.getInt(13)),
                parameters.toArray());
    }

    /** How many tasks are behind the figure: what a page of {@link #tasks} is part of. */
    public long countTasks(TaskFilter filter, FigureScope scope) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, scope, parameters);
        return sql.one("SELECT count(*) FROM rm_task t" + TaskLabel.JOIN + " WHERE " + where,
                row -> row.getLong(1), parameters.toArray());
    }

    private static String where(TaskFilter filter, FigureScope scope, List<Object> parameters) {
        StringBuilder where = new StringBuilder(filter.where(parameters));
        if (scope.unit() != null) {
            where.append(" AND coalesce(t.responsible_unit, '') = ?");
            parameters.add(scope.unit());
        }
        if (scope.official() != null) {
            where.append(" AND coalesce(t.lead_official, '') = ?");
            parameters.add(scope.official());
        }
        LocalDate week = scope.week();
        if (week != null) {
            where.append(" AND ((t.deadline BETWEEN ? AND ?) OR (" + TaskStates.VERIFIED + " AND "
                    + CLOSED_OUT_AT + " >= ? AND " + CLOSED_OUT_AT + " < ?))");
            parameters.add(week);
            parameters.add(week.plusDays(6));
            parameters.add(week.atStartOfDay(filter.zone()).toOffsetDateTime());
            parameters.add(week.plusWeeks(1).atStartOfDay(filter.zone()).toOffsetDateTime());
        }
        return where.toString();
    }

    /** Which figure's tasks: a unit's and/or a lead official's ("" for none), and/or a week's (its Monday); null is any. */
    public record FigureScope(String unit, String official, LocalDate week) {
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
