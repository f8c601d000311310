package io.rectification.tasks.work;

import io.quarkus.panache.common.Sort;
import io.rectification.tasks.task.Direction;
import io.rectification.tasks.task.IndicatorInput;
import io.rectification.tasks.task.MilestoneInput;
import io.rectification.tasks.task.RecordedValue;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TargetKind;
import io.rectification.tasks.task.TaskInput;
import io.rectification.tasks.task.TaskParts;
import io.rectification.tasks.task.TaskSnapshot;
import io.rectification.tasks.task.TaskWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The task's view of its recorded work: three queries for any number of tasks (indicators, stage
 * goals, evidence counts), never one per task.
 */
@ApplicationScoped
public class RecordedWork implements TaskWork {

    /**
     * An evidence entry {@code e} (joined with its file {@code f}) a supervisor can check: a file attached
     * or a reference. The services store a blank reference as none ({@code OptionalText}); btrim keeps
     * entries recorded before they did (a reference of spaces) from counting. Never NULL (coalesce), so
     * that {@code NOT} it selects the entries without either.
     */
    private static final String CHECKABLE = "(f.evidence_id IS NOT NULL OR coalesce(btrim(e.reference), '') <> '')";

    private final EntityManager entityManager;

    public RecordedWork(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, TaskParts> partsOf(Collection<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        // Native SQL with one array parameter: an IN list of a page's ids made Hibernate translate
        // the query anew for every page size and hydrate managed entities only to copy them out.
        UUID[] ids = taskIds.toArray(UUID[]::new);
        Map<UUID, List<TaskSnapshot.IndicatorView>> indicators = new HashMap<>();
        for (Object[] row : rows("""
                SELECT task_id, id, name, unit, baseline, target_kind, target_value, direction, latest_actual, latest_source
                FROM indicator WHERE task_id = ANY(?1) ORDER BY task_id, position""", ids, Indicator.class)) {
            indicators.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(view(indicatorOf(row)));
        }
        Map<UUID, List<TaskSnapshot.MilestoneView>> milestones = new HashMap<>();
        for (Object[] row : rows("""
                SELECT task_id, id, title, due_date, achieved_at
                FROM milestone WHERE task_id = ANY(?1) ORDER BY task_id, position""", ids, Milestone.class)) {
            milestones.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(new TaskSnapshot.MilestoneView(
                    (UUID) row[1], (String) row[2], (LocalDate) row[3], utc((Instant) row[4])));
        }
        Map<UUID, long[]> evidenceCounts = new HashMap<>();
        for (Object[] row : rows("SELECT e.task_id, count(*), count(*) FILTER (WHERE " + CHECKABLE + ")"
                + " FROM evidence e LEFT JOIN evidence_file f ON f.evidence_id = e.id"
                + " WHERE e.task_id = ANY(?1) GROUP BY e.task_id", ids, Evidence.class, EvidenceFile.class)) {
            evidenceCounts.put((UUID) row[0], new long[]{((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
        }
        Map<UUID, TaskParts> parts = new HashMap<>();
        for (UUID id : ids) {
            long[] evidence = evidenceCounts.getOrDefault(id, new long[2]);
            parts.put(id, new TaskParts(indicators.getOrDefault(id, List.of()), milestones.getOrDefault(id, List.of()),
                    evidence[0], evidence[1], List.of()));
        }
        return parts;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RecordedValue> plan(RectificationTask task, TaskInput input, OffsetDateTime at) {
        int position = 0;
        for (MilestoneInput milestone : input.milestonesOrEmpty()) {
            Milestones.create(task, milestone, position++);
        }
        position = 0;
        List<RecordedValue> values = new ArrayList<>();
        for (IndicatorInput indicator : input.indicatorsOrEmpty()) {
            Indicators.create(task, indicator, position++, null, at).ifPresent(values::add);
        }
        return values;
    }

    /** Rows of a native query; pending changes to {@code tables}' entities are flushed first, as for HQL. */
    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object parameter, Class<?>... tables) {
        NativeQuery<Object[]> query = entityManager.createNativeQuery(sql, Object[].class).unwrap(NativeQuery.class);
        for (Class<?> table : tables) {
            query.addSynchronizedEntityClass(table);
        }
        return query.setParameter(1, parameter).getResultList();
    }

    /** As the entities read a timestamp: in UTC. */
    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** An indicator as stored, not managed: read only to be shown. */
    private static Indicator indicatorOf(Object[] row) {
        Indicator indicator = new Indicator();
        indicator.id = (UUID) row[1];
        indicator.name = (String) row[2];
        indicator.unit = (String) row[3];
        indicator.baseline = (BigDecimal) row[4];
        indicator.targetKind = TargetKind.valueOf((String) row[5]);
        indicator.targetValue = (BigDecimal) row[6];
        indicator.direction = Direction.valueOf((String) row[7]);
        indicator.latestActual = (BigDecimal) row[8];
        indicator.latestSource = (String) row[9];
        return indicator;
    }

    private static TaskSnapshot.IndicatorView view(Indicator i) {
        return new TaskSnapshot.IndicatorView(i.id, i.name, i.unit, i.baseline, i.targetKind, i.targetValue,
                i.direction, i.latestActual, i.latestSource, i.met());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public OptionalInt latestReportedPercent(UUID taskId) {
        return ProgressReport.<ProgressReport>find("taskId", Sort.descending("reportedAt", "periodEnd"), taskId)
                .firstResultOptional().map(r -> OptionalInt.of(r.percentComplete)).orElse(OptionalInt.empty());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TaskParts.BareEvidence> bareEvidence(UUID taskId) {
        return bareRows(taskId).map(RecordedWork::bareOf).toList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TaskParts.BareEvidence> bareEvidenceRecordedSince(UUID taskId, OffsetDateTime since) {
        // a task's bare entries are few: the one query of bareEvidence, the earlier ones left out here
        return bareRows(taskId).filter(row -> !((Instant) row[2]).isBefore(since.toInstant()))
                .map(RecordedWork::bareOf).toList();
    }

    /** The task's bare entries (id, title, recorded_at), in the order they were recorded. */
    private Stream<Object[]> bareRows(UUID taskId) {
        return rows("SELECT e.id, e.title, e.recorded_at FROM evidence e LEFT JOIN evidence_file f ON f.evidence_id = e.id"
                + " WHERE e.task_id = ?1 AND NOT " + CHECKABLE + " ORDER BY e.recorded_at, e.id",
                taskId, Evidence.class, EvidenceFile.class).stream();
    }

    private static TaskParts.BareEvidence bareOf(Object[] row) {
        return new TaskParts.BareEvidence((UUID) row[0], (String) row[1]);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public long checkableEvidenceRecordedSince(UUID taskId, OffsetDateTime since) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM evidence e"
                        + " LEFT JOIN evidence_file f ON f.evidence_id = e.id"
                        + " WHERE e.task_id = ?1 AND e.recorded_at >= ?2 AND " + CHECKABLE)
                .unwrap(NativeQuery.class).addSynchronizedEntityClass(Evidence.class)
                .addSynchronizedEntityClass(EvidenceFile.class)
                .setParameter(1, taskId).setParameter(2, since).getSingleResult()).longValue();
    }
}
