package io.rectification.reporting.progress;

import io.rectification.platform.contract.TaskStates;
import io.rectification.platform.text.PublicNumbering;
import io.rectification.platform.text.PublicNumbering.Sibling;
import io.rectification.reporting.progress.ProgressDocument.Area;
import io.rectification.reporting.progress.ProgressDocument.Figures;
import io.rectification.reporting.progress.ProgressDocument.Measure;
import io.rectification.reporting.progress.ProgressDocument.OtherSource;
import io.rectification.reporting.progress.ProgressDocument.Problem;
import io.rectification.reporting.progress.ProgressDocument.Window;
import io.rectification.reporting.report.DeclaredTotals;
import io.rectification.reporting.report.PublishedFigures;
import io.rectification.reporting.report.Figure;
import io.rectification.reporting.support.InspectionFindings;
import io.rectification.reporting.support.Sql;
import io.rectification.reporting.support.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Gathers the progress page from the read models only (and the report's own version table for the
 * link to the latest report). An inspection is public once one of its publications' disclosure windows
 * has begun: before that there is no page (empty). Like section 二 of the report, only the
 * inspection's findings (problem source PLAN) are shown; a task is placed once its problem and area
 * have arrived; problems from other sources are only counted, by source. The columns read here are
 * the page's whole reach: no staff names, no units.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProgressAssembler {

    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final Sql sql;
    private final Clock clock;

    public ProgressAssembler(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    public Optional<ProgressDocument> assemble(UUID inspectionId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Window window = window(inspectionId, now);
        if (window == null) {
            return Optional.empty();
        }
        String[] inspection = sql.one("""
                        SELECT title, team, inspected_organisation, data FROM rm_inspection WHERE id = ?""",
                row -> new String[]{row.getString(1), row.getString(2), row.getString(3), row.getString(4)},
                inspectionId);
        if (inspection == null) {
            return Optional.empty();
        }
        LocalDate today = now.atZoneSameInstant(clock.getZone()).toLocalDate();
        Map<UUID, List<Sibling<Measure>>> measuresByProblem = new LinkedHashMap<>();
        sql.query("""
                        SELECT t.problem_id, t.number, t.title, t.kind, t.state, t.percent_complete, t.deadline,
                               t.verified_at, t.reopen_count, t.data
                        FROM rm_task t JOIN rm_problem p ON p.id = t.problem_id
                        WHERE t.inspection_id = ? AND %s AND %s AND %s
                        ORDER BY t.number NULLS LAST, t.id""".formatted(InspectionFindings.findingSql("p.source"),
                        Standing.sql("t"), Standing.sql("p")),
                row -> {
                    String state = row.getString(5);
                    LocalDate deadline = row.getObject(7, LocalDate.class);
                    OffsetDateTime verifiedAt = row.getObject(8, OffsetDateTime.class);
                    boolean closed = closed(state);
                    String title = row.getString(3);
                    String kind = row.getString(4);
                    int percent = publicPercent(state, number(row.getObject(6)));
                    LocalDate verifiedOn = closed && verifiedAt != null
                            ? verifiedAt.atZoneSameInstant(clock.getZone()).toLocalDate() : null;
                    boolean overdue = TaskStates.overdue(state, deadline, today);
                    boolean reopened = number(row.getObject(9)) > 0;
                    List<Figure> figures = PublishedFigures.ofStored(row.getString(10));
                    return measuresByProblem.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Sibling<>((Integer) row.getObject(2), n -> new Measure(n, title, kind, state,
                                    percent, deadline, verifiedOn, overdue, reopened, figures)));
                }, inspectionId);
        Map<UUID, List<Sibling<Problem>>> problemsByArea = new LinkedHashMap<>();
        sql.query("""
                        SELECT id, area_id, number, title FROM rm_problem
                        WHERE inspection_id = ? AND area_id IS NOT NULL AND %s AND %s
                        ORDER BY number NULLS LAST, id""".formatted(InspectionFindings.findingSql("source"),
                        Standing.sql("rm_problem")),
                row -> {
                    List<Measure> measures = PublicNumbering.numbered(
                            measuresByProblem.getOrDefault(row.getObject(1, UUID.class), List.of()));
                    String title = row.getString(4);
                    return problemsByArea.computeIfAbsent(row.getObject(2, UUID.class), k -> new ArrayList<>())
                            .add(new Sibling<>((Integer) row.getObject(3),
                                    n -> new Problem(n, title, average(measures), measures)));
                }, inspectionId);
        // Numbered as the report numbers them (PublicNumbering): by place among the areas shown, every
        // standing one but one of other sources only. An area still without a problem is shown too, by its
        // heading and a line saying its problems are being entered: the report heads it, so leaving it out
        // here made the page read （一）（三） (its number kept) or number on otherwise than the report and the
        // public form do (renumbered), and the page, the report and the form never name an area differently.
        List<Sibling<Area>> shown = new ArrayList<>();
        sql.query("""
                        SELECT a.id, a.number, a.title, EXISTS (SELECT 1 FROM rm_problem p WHERE p.area_id = a.id AND %s)
                        FROM rm_area a WHERE a.inspection_id = ? AND %s
                        ORDER BY a.number NULLS LAST, a.id""".formatted(Standing.sql("p"), Standing.sql("a")),
                row -> {
                    List<Sibling<Problem>> shownProblems = problemsByArea.get(row.getObject(1, UUID.class));
                    if (shownProblems == null && row.getBoolean(4)) {
                        return false; // an area of other sources only (群众反馈意见建议) is not the report's
                    }
                    List<Problem> problems = PublicNumbering.numbered(shownProblems == null ? List.of() : shownProblems);
                    List<Measure> measures = problems.stream().flatMap(p -> p.measures().stream()).toList();
                    String title = row.getString(3);
                    int verified = (int) measures.stream().filter(m -> closed(m.state())).count();
                    return shown.add(new Sibling<>((Integer) row.getObject(2),
                            n -> new Area(n, title, measures.size(), verified, average(measures), problems)));
                }, inspectionId);
        List<Area> areas = PublicNumbering.numbered(shown);
        // Counted as the report's part for them counts them: those placed in an area, by source.
        List<OtherSource> otherSources = sql.query("""
                        SELECT source, count(*) FROM rm_problem
                        WHERE inspection_id = ? AND area_id IS NOT NULL AND NOT %s AND %s
                        GROUP BY source
                        ORDER BY array_position(ARRAY['ANALOGY', 'SELF_FOUND', 'LOOK_BACK', 'FEEDBACK'], source), source""".formatted(
                        InspectionFindings.findingSql("source"), Standing.sql("rm_problem")),
                row -> new OtherSource(row.getString(1), row.getInt(2)), inspectionId);
        Integer latestReport = sql.one("SELECT max(number) FROM report_version WHERE inspection_id = ?",
                row -> (Integer) row.getObject(1), inspectionId);
        DeclaredTotals declared = DeclaredTotals.ofStored(inspection[3]);
        return Optional.of(new ProgressDocument(inspection[0], inspection[1], inspection[2], window,
                figures(areas), declared, areas, otherSources, latestReport));
    }

    /**
     * The publication the page is shown under: the one open now, else the latest whose window has
     * begun (the page stays up after the window closes and says so). Null before any window begins.
     */
    private Window window(UUID inspectionId, OffsetDateTime now) {
        return sql.one("""
                        SELECT id, window_start, window_end, time_zone FROM rm_publication
                        WHERE inspection_id = ? AND window_start <= ?
                        ORDER BY (window_end >= ?) DESC, window_start DESC, id
                        LIMIT 1""",
                row -> {
                    ZoneId zone = zone(row.getString(4));
                    OffsetDateTime start = row.getObject(2, OffsetDateTime.class);
                    OffsetDateTime end = row.getObject(3, OffsetDateTime.class);
                    return new Window(row.getObject(1, UUID.class), start.atZoneSameInstant(zone).toLocalDate(),
                            end == null ? null : end.atZoneSameInstant(zone).toLocalDate(),
                            end == null || !end.isBefore(now));
                }, inspectionId, now, now);
    }

    private static Figures figures(List<Area> areas) {
        List<Problem> problems = areas.stream().flatMap(a -> a.problems().stream()).toList();
        List<Measure> measures = problems.stream().flatMap(p -> p.measures().stream()).toList();
        return new Figures(areas.size(), problems.size(), measures.size(),
                count(measures, "VERIFIED") + count(measures, "CONSOLIDATING"), count(measures, "COMPLETION_CLAIMED"),
                count(measures, "IN_PROGRESS") + count(measures, "REOPENED"), count(measures, "PLANNED"),
                (int) measures.stream().filter(Measure::overdue).count(), average(measures));
    }

    private static int count(List<Measure> measures, String state) {
        return (int) measures.stream().filter(m -> state.equals(m.state())).count();
    }

    /** VERIFIED or CONSOLIDATING: closed out (销号), as the report and the dashboards count it. */
    static boolean closed(String state) {
        return TaskStates.isClosed(state);
    }

    /**
     * The percent the public sees: 100 for a measure closed out, and for one claimed (已完成，待核验): its
     * unit says the work is done, which is what the page's words for it say, so its bar and the averages
     * do not say 90 beside them. Staff views (dashboards, exports, the console) keep the reported percent;
     * a claim rejected falls back to the percent tasks-service gives it (at most 99).
     */
    static int publicPercent(String state, int reported) {
        return closed(state) || "COMPLETION_CLAIMED".equals(state) ? 100 : reported;
    }

    /** The rounded average percent of the measures, as tasks-service rolls problems and areas up. */
    private static int average(List<Measure> measures) {
        return measures.isEmpty() ? 0
                : (int) Math.round(measures.stream().mapToInt(Measure::percentComplete).average().orElse(0));
    }


    private static int number(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static ZoneId zone(String name) {
        try {
            return name == null ? DEFAULT_ZONE : ZoneId.of(name);
        } catch (RuntimeException e) {
            return DEFAULT_ZONE;
        }
    }
}
