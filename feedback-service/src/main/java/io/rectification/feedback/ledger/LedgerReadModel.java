package io.rectification.feedback.ledger;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.text.PlanNumbering;
import io.rectification.platform.text.PublicNumbering;
import io.rectification.platform.text.PublicNumbering.Sibling;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * feedback-service's copy of the public parts of tasks-service's ledger (inspections, areas,
 * problems, tasks), kept from rectification.tasks.v1. Each row keeps the version of the event that
 * wrote it, so an older snapshot arriving late never overwrites a newer one.
 */
@ApplicationScoped
public class LedgerReadModel {

    /** How the OpenAPI documents describe the 422 of an id tasks-service's events have not brought here (yet). */
    public static final String NOT_KNOWN_YET = "An inspection, area, problem or task the body names is not known to"
            + " feedback-service: not registered in tasks-service, or registered a moment ago and not read from its"
            + " events yet; the problem names the field and gives retryAfterSeconds";

    /** How the OpenAPI documents describe the 409 of a part the office cancelled (撤销). */
    public static final String CANCELLED = "An area, problem or task the body names was cancelled in tasks-service"
            + " (撤销: entered by mistake) and is not newly linked to by staff; the feedback's own link to it stands (a triage"
            + " that keeps it goes through, one naming a part that stands moves it there). The problem names the field";

    private final EntityManager entityManager;

    public LedgerReadModel(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void inspection(UUID id, long version, String title) {
        entityManager.createNativeQuery("""
                        INSERT INTO known_inspection (id, version, title, updated_at) VALUES (?1, ?2, ?3, now())
                        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title,
                            updated_at = EXCLUDED.updated_at
                        WHERE known_inspection.version <= EXCLUDED.version""")
                .setParameter(1, id).setParameter(2, version).setParameter(3, title).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void area(UUID id, UUID inspectionId, long version, int number, String title, OffsetDateTime cancelledAt) {
        entityManager.createNativeQuery("""
                        INSERT INTO known_area (id, inspection_id, version, number, title, cancelled_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, number = EXCLUDED.number,
                            title = EXCLUDED.title, cancelled_at = EXCLUDED.cancelled_at
                        WHERE known_area.version <= EXCLUDED.version""")
                .setParameter(1, id).setParameter(2, inspectionId).setParameter(3, version).setParameter(4, number)
                .setParameter(5, title).setParameter(6, cancelledAt).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void problem(KnownProblem problem, long version) {
        entityManager.createNativeQuery("""
                        INSERT INTO known_problem (id, inspection_id, area_id, version, number, title, source,
                            source_feedback_id, percent_complete, cancelled_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        ON CONFLICT (id) DO UPDATE SET area_id = EXCLUDED.area_id, version = EXCLUDED.version,
                            number = EXCLUDED.number, title = EXCLUDED.title, source = EXCLUDED.source,
                            source_feedback_id = EXCLUDED.source_feedback_id,
                            percent_complete = EXCLUDED.percent_complete, cancelled_at = EXCLUDED.cancelled_at
                        WHERE known_problem.version <= EXCLUDED.version""")
                .setParameter(1, problem.id()).setParameter(2, problem.inspectionId()).setParameter(3, problem.areaId())
                .setParameter(4, version).setParameter(5, problem.number()).setParameter(6, problem.title())
                .setParameter(7, problem.source()).setParameter(8, problem.sourceFeedbackId())
                .setParameter(9, problem.percentComplete()).setParameter(10, problem.cancelledAt()).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void task(UUID id, UUID inspectionId, UUID areaId, UUID problemId, long version, int number, String title,
              String state, int percentComplete, OffsetDateTime cancelledAt) {
        entityManager.createNativeQuery("""
                        INSERT INTO known_task (id, inspection_id, area_id, problem_id, version, number, title, state,
                            percent_complete, cancelled_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        ON CONFLICT (id) DO UPDATE SET area_id = EXCLUDED.area_id, problem_id = EXCLUDED.problem_id,
                            version = EXCLUDED.version, number = EXCLUDED.number, title = EXCLUDED.title,
                            state = EXCLUDED.state, percent_complete = EXCLUDED.percent_complete,
                            cancelled_at = EXCLUDED.cancelled_at
                        WHERE known_task.version <= EXCLUDED.version""")
                .setParameter(1, id).setParameter(2, inspectionId).setParameter(3, areaId).setParameter(4, problemId)
                .setParameter(5, version).setParameter(6, number).setParameter(7, title).setParameter(8, state)
                .setParameter(9, percentComplete).setParameter(10, cancelledAt).executeUpdate();
    }

    /** Whether tasks-service has announced this inspection here. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean knowsInspection(UUID id) {
        return !entityManager.createNativeQuery("SELECT 1 FROM known_inspection WHERE id = ?1")
                .setParameter(1, id).getResultList().isEmpty();
    }

    /**
     * The inspection's title as tasks-service announced it (省委第七巡视组专项巡视沈阳高新区): what tells a reader
     * which inspection a publication or a feedback is about, where the publication's own title may not say
     * (a free text, 关于巡视整改进展情况的通报). Empty while the inspection is not known here.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> inspectionTitle(UUID id) {
        return Optional.ofNullable(inspectionTitles(List.of(id)).get(id));
    }

    /** {@link #inspectionTitle} of each of the inspections given known here, for a page at once: one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, String> inspectionTitles(Collection<UUID> inspectionIds) {
        Set<UUID> ids = inspectionIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Map<UUID, String> titles = new HashMap<>();
        if (ids.isEmpty()) {
            return titles;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, title FROM known_inspection WHERE id IN (:ids)")
                .setParameter("ids", ids).getResultList();
        for (Object[] row : rows) {
            titles.put((UUID) row[0], (String) row[1]);
        }
        return titles;
    }

    /**
     * Where a part of the ledger stands: its inspection, and its area and problem where it has them;
     * {@code cancelled}: the office cancelled that part (撤销), which staff do not newly link to (a submission
     * naming it is kept: intake's FeedbackIntakeService.LINK_DESCRIPTION).
     */
    public record Placement(UUID inspectionId, UUID areaId, UUID problemId, UUID taskId, boolean cancelled) {

        /**
         * Whether this part (a task, a problem) lies under the area {@code areaId} a link names beside it (true when
         * none is named): the rule of every link naming both, where the part's own area, as tasks-service announced
         * it, places the feedback. Not whether either stands: a cancelled one keeps its place.
         */
        public boolean isUnder(UUID areaId) {
            return areaId == null || areaId.equals(this.areaId);
        }
    }

    /** The area's place, as tasks-service announced it; empty when the area is unknown here. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Placement> area(UUID areaId) {
        return placement("SELECT inspection_id, id, NULL::uuid, NULL::uuid, " + IS_CANCELLED
                + " FROM known_area WHERE id = ?1", areaId);
    }

    /** The problem's place (its inspection and area); empty when the problem is unknown here. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Placement> problem(UUID problemId) {
        return placement("SELECT inspection_id, area_id, id, NULL::uuid, " + IS_CANCELLED
                + " FROM known_problem WHERE id = ?1", problemId);
    }

    /** The task's place (its inspection, area and problem); empty when the task is unknown here. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Placement> task(UUID taskId) {
        return placement("SELECT inspection_id, area_id, problem_id, id, " + IS_CANCELLED
                + " FROM known_task WHERE id = ?1", taskId);
    }

    /** In a placement's SELECT: whether the row was cancelled. */
    private static final String IS_CANCELLED = "cancelled_at IS NOT NULL";

    private Optional<Placement> placement(String sql, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(sql).setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(row -> new Placement((UUID) row[0], (UUID) row[1], (UUID) row[2],
                (UUID) row[3], (Boolean) row[4]));
    }

    /**
     * When the office cancelled (撤销) a part a feedback is linked to: the earliest {@code cancelledAt} of the
     * area, problem and task given (a null id names none); null while all stand, or when none is given or
     * known. Any of them counts, not only the most specific: an area's cancellation takes its problems and
     * tasks along, but their events may arrive here in another order.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OffsetDateTime linkCancelledAt(UUID areaId, UUID problemId, UUID taskId) {
        return cancellations(Arrays.asList(areaId, problemId, taskId)).linkCancelledAt(areaId, problemId, taskId);
    }

    /**
     * When the office cancelled (撤销) each of the areas, problems and tasks given that it cancelled, for a page of
     * feedback at once: one query whatever the page's size ({@link #linkCancelledAt} asks it for one feedback).
     * Ids are unique across the three, so one set asks all of them.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cancellations cancellations(Collection<UUID> partIds) {
        Set<UUID> ids = partIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return new Cancellations(Map.of());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT id, cancelled_at FROM known_area WHERE id IN (:ids) AND cancelled_at IS NOT NULL
                        UNION ALL SELECT id, cancelled_at FROM known_problem WHERE id IN (:ids) AND cancelled_at IS NOT NULL
                        UNION ALL SELECT id, cancelled_at FROM known_task WHERE id IN (:ids) AND cancelled_at IS NOT NULL""")
                .setParameter("ids", ids).getResultList();
        Map<UUID, OffsetDateTime> byPart = new HashMap<>();
        for (Object[] row : rows) {
            byPart.put((UUID) row[0], utc(row[1]));
        }
        return new Cancellations(byPart);
    }

    /** The parts among those asked about that the office cancelled, with when; one not here stands or is not known. */
    public record Cancellations(Map<UUID, OffsetDateTime> byPart) {

        /** What {@link LedgerReadModel#linkCancelledAt} answers for these ids, read from the parts already loaded. */
        public OffsetDateTime linkCancelledAt(UUID areaId, UUID problemId, UUID taskId) {
            return Stream.of(areaId, problemId, taskId).filter(Objects::nonNull).map(byPart::get)
                    .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        }
    }

    /** The feedback (table {@code feedback}) linked to a part the office cancelled: what {@link #linkCancelledAt} finds. */
    public static final String LINK_CANCELLED = """
            EXISTS (SELECT 1 FROM known_area a WHERE a.id = f.area_id AND a.cancelled_at IS NOT NULL)
            OR EXISTS (SELECT 1 FROM known_problem p WHERE p.id = f.problem_id AND p.cancelled_at IS NOT NULL)
            OR EXISTS (SELECT 1 FROM known_task t WHERE t.id = f.task_id AND t.cancelled_at IS NOT NULL)""";

    private static OffsetDateTime utc(Object timestamp) {
        Instant instant;
        if (timestamp instanceof OffsetDateTime time) {
            instant = time.toInstant();
        } else if (timestamp instanceof Instant time) {
            instant = time;
        } else if (timestamp instanceof java.sql.Timestamp time) {
            instant = time.toInstant();
        } else {
            throw new IllegalStateException("unexpected timestamp " + timestamp.getClass());
        }
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * A problem's public title and progress (its standing tasks' average once it has any); empty when unknown
     * here. A problem cancelled since (撤销) still answers: feedback escalated to it keeps its link.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProblemProgress> problemProgress(UUID problemId) {
        return problemId == null ? Optional.empty()
                : Optional.ofNullable(problemProgress(List.of(problemId)).get(problemId));
    }

    /**
     * {@link #problemProgress} of each of the problems given (nulls ignored) known here, for a page of escalated
     * feedback at once: one query whatever their number.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, ProblemProgress> problemProgress(Collection<UUID> problemIds) {
        Set<UUID> ids = problemIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Map<UUID, ProblemProgress> progress = new HashMap<>();
        if (ids.isEmpty()) {
            return progress;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT p.id, p.title, COALESCE(ROUND(AVG(t.percent_complete))::int, p.percent_complete),
                               COUNT(t.id), COUNT(t.id) FILTER (WHERE t.state IN ('VERIFIED', 'CONSOLIDATING'))
                        FROM known_problem p LEFT JOIN known_task t ON t.problem_id = p.id AND t.cancelled_at IS NULL
                        WHERE p.id IN (:ids) GROUP BY p.id, p.title, p.percent_complete""")
                .setParameter("ids", ids).getResultList();
        for (Object[] row : rows) {
            progress.put((UUID) row[0], new ProblemProgress((String) row[1], ((Number) row[2]).intValue(),
                    ((Number) row[3]).intValue(), ((Number) row[4]).intValue()));
        }
        return progress;
    }

    /**
     * The source of a problem that is one of the inspection's findings (巡视反馈), the rule by which
     * reporting-service's report and progress page list them (its support.InspectionFindings). That
     * rule also counts a problem without a source, which predates the field; this read model never
     * holds one (a ProblemRegistered without a source is dead-lettered here).
     */
    static final String FINDING = TasksEvent.ProblemSnapshot.INSPECTION_FINDING;

    /**
     * What the public form offers: the inspection's findings as its report lists them, so a reader
     * names what the report shows. The areas holding at least one finding, by number, each with the
     * measures (tasks) of its findings, numbered as the report numbers them (platform
     * {@code PublicNumbering}: by place among what the report shows, so nothing cancelled leaves a gap;
     * an area still without a problem is shown there, so it keeps its place here though not offered).
     * Left out: problems from other sources (举一反三, 自查, 回头看, escalated feedback: real work,
     * counted beside the findings, not among them) and so an area holding only those (群众反馈意见建议,
     * which the report does not show either) or nothing yet; and whatever the office cancelled (撤销: an
     * area, a problem, a task entered by mistake), as the report leaves it out.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AreaChoice> choices(UUID inspectionId) {
        // the measures of each standing finding, and the findings of each area, in ledger order
        Map<UUID, List<Sibling<Measure>>> measuresByProblem = new LinkedHashMap<>();
        for (Object[] row : rows("""
                SELECT t.id, t.problem_id, t.number, t.title FROM known_task t
                JOIN known_problem p ON p.id = t.problem_id
                WHERE p.inspection_id = ?1 AND p.source = ?2 AND p.cancelled_at IS NULL
                  AND t.cancelled_at IS NULL ORDER BY t.number, t.id""", inspectionId)) {
            UUID id = (UUID) row[0];
            String title = (String) row[3];
            measuresByProblem.computeIfAbsent((UUID) row[1], k -> new ArrayList<>())
                    .add(new Sibling<>((Integer) row[2], number -> new Measure(id, number, title)));
        }
        Map<UUID, List<Sibling<UUID>>> findingsByArea = new LinkedHashMap<>();
        for (Object[] row : rows("""
                SELECT p.id, p.area_id, p.number FROM known_problem p
                WHERE p.inspection_id = ?1 AND p.source = ?2 AND p.cancelled_at IS NULL
                ORDER BY p.number, p.id""", inspectionId)) {
            UUID id = (UUID) row[0];
            findingsByArea.computeIfAbsent((UUID) row[1], k -> new ArrayList<>())
                    .add(new Sibling<>((Integer) row[2], number -> id));
        }
        // the areas the report shows: all that stand but one holding only problems of other sources
        List<Sibling<Optional<AreaChoice>>> shown = new ArrayList<>();
        for (Object[] row : rows("""
                SELECT a.id, a.number, a.title FROM known_area a
                WHERE a.inspection_id = ?1 AND a.cancelled_at IS NULL
                  AND (EXISTS (SELECT 1 FROM known_problem p WHERE p.area_id = a.id AND p.source = ?2
                               AND p.cancelled_at IS NULL)
                       OR NOT EXISTS (SELECT 1 FROM known_problem p WHERE p.area_id = a.id AND p.cancelled_at IS NULL))
                ORDER BY a.number, a.id""", inspectionId)) {
            UUID id = (UUID) row[0];
            String title = (String) row[2];
            List<UUID> findings = PublicNumbering.numbered(findingsByArea.getOrDefault(id, List.of()));
            shown.add(new Sibling<>((Integer) row[1], number -> findings.isEmpty() ? Optional.empty()
                    : Optional.of(new AreaChoice(id, number, PlanNumbering.area(number), title,
                    measures(findings, measuresByProblem)))));
        }
        return PublicNumbering.numbered(shown).stream().flatMap(Optional::stream).toList();
    }

    /** A measure numbered within its finding, before the finding's own number is known. */
    private record Measure(UUID id, int number, String title) {
    }

    /** The measures of an area's findings, the findings in the report's order and numbered by their place. */
    private static List<MeasureChoice> measures(List<UUID> findings, Map<UUID, List<Sibling<Measure>>> byProblem) {
        List<MeasureChoice> measures = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            int problem = i + 1;
            for (Measure m : PublicNumbering.numbered(byProblem.getOrDefault(findings.get(i), List.of()))) {
                measures.add(new MeasureChoice(m.id(), problem, m.number(), PlanNumbering.inArea(problem, m.number()),
                        m.title()));
            }
        }
        return measures;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, UUID inspectionId) {
        return entityManager.createNativeQuery(sql).setParameter(1, inspectionId).setParameter(2, FINDING)
                .getResultList();
    }

    record KnownProblem(UUID id, UUID inspectionId, UUID areaId, int number, String title, String source,
                        UUID sourceFeedbackId, int percentComplete, OffsetDateTime cancelledAt) {
    }

    /** What the public may see of a problem: its title and progress. */
    @Schema(requiredProperties = {"title", "percentComplete", "measures", "measuresDone"})
    public record ProblemProgress(String title, int percentComplete, int measures, int measuresDone) {
    }

    /**
     * An area of the findings: {@code number} and {@code numbering} as the report heads it, （二） (its
     * place there, not its ledger number).
     */
    @Schema(requiredProperties = {"id", "number", "numbering", "title", "measures"})
    public record AreaChoice(UUID id, @Schema(description = AREA_NUMBER) int number,
                             @Schema(examples = "（二）") String numbering, String title,
                             List<MeasureChoice> measures) {
    }

    /**
     * A task as the public form names it: 整改措施, numbered within its problem; {@code problemNumber},
     * {@code number} and {@code numbering} as the report writes them under its area (their places there,
     * not their ledger numbers; platform PlanNumbering writes them), 3.二是 for problem 3's second.
     */
    @Schema(requiredProperties = {"id", "problemNumber", "number", "numbering", "title"})
    public record MeasureChoice(UUID id, @Schema(description = PROBLEM_NUMBER) int problemNumber,
                                @Schema(description = MEASURE_NUMBER) int number,
                                @Schema(examples = "3.二是") String numbering, String title) {
    }

    /** How the OpenAPI document describes the choices' numbers: the report's places, not the ledger's numbers. */
    static final String AREA_NUMBER = "The area's place among those the public report heads, as it prints it (2 for"
            + " （二）), counted over what the report shows, so nothing cancelled leaves a gap; not the area's number in"
            + " the ledger (tasks-service's AreaView.number), which may differ";
    static final String PROBLEM_NUMBER = "The finding's place within its area as the public report prints it (3 for"
            + " 3.二是), counted over the area's findings that stand; not the problem's number in the ledger";
    static final String MEASURE_NUMBER = "The measure's place within its finding as the public report prints it (2 for"
            + " 3.二是), counted over the finding's measures that stand; not the task's number in the ledger";
}
