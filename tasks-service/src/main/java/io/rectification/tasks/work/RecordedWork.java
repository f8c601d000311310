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

/**
 * The task's view of its recorded work: three queries for any number of tasks (indicators, stage
 * goals, evidence counts), never one per task.
 */
@ApplicationScoped
public class RecordedWork implements TaskWork {

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
                FROM indicator WHERE task_id = ANY(?1) ORDER BY task_id, position""", Indicator.class, ids)) {
            indicators.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(view(indicatorOf(row)));
        }
        Map<UUID, List<TaskSnapshot.MilestoneView>> milestones = new HashMap<>();
        for (Object[] row : rows("""
                SELECT task_id, id, title, due_date, achieved_at
                FROM milestone WHERE task_id = ANY(?1) ORDER BY task_id, position""", Milestone.class, ids)) {
            milestones.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(new TaskSnapshot.MilestoneView(
                    (UUID) row[1], (String) row[2], (LocalDate) row[3], utc((Instant) row[4])));
        }
        Map<UUID, Long> evidenceCounts = new HashMap<>();
        for (Object[] row : rows("SELECT task_id, count(*) FROM evidence WHERE task_id = ANY(?1) GROUP BY task_id",
                Evidence.class, ids)) {
            evidenceCounts.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        Map<UUID, TaskParts> parts = new HashMap<>();
        for (UUID id : ids) {
            parts.put(id, new TaskParts(indicators.getOrDefault(id, List.of()), milestones.getOrDefault(id, List.of()),
                    evidenceCounts.getOrDefault(id, 0L)));
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

    /** Rows of a native query; pending changes to {@code table}'s entities are flushed first, as for HQL. */
    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Class<?> table, UUID[] ids) {
        return entityManager.createNativeQuery(sql, Object[].class)
                .unwrap(NativeQuery.class).addSynchronizedEntityClass(table)
                .setParameter(1, ids).getResultList();
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
    public long evidenceRecordedSince(UUID taskId, OffsetDateTime since) {
        return Evidence.count("taskId = ?1 and recordedAt >= ?2", taskId, since);
    }
}
