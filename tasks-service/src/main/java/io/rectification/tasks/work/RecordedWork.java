package io.rectification.tasks.work;

import io.quarkus.panache.common.Sort;
import io.rectification.tasks.task.IndicatorInput;
import io.rectification.tasks.task.MilestoneInput;
import io.rectification.tasks.task.RecordedValue;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskInput;
import io.rectification.tasks.task.TaskParts;
import io.rectification.tasks.task.TaskSnapshot;
import io.rectification.tasks.task.TaskWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;

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
        List<UUID> ids = List.copyOf(taskIds);
        Map<UUID, List<TaskSnapshot.IndicatorView>> indicators = Indicator.<Indicator>list("taskId in ?1",
                        Sort.by("position"), ids).stream()
                .collect(Collectors.groupingBy(i -> i.taskId, LinkedHashMap::new,
                        Collectors.mapping(RecordedWork::view, Collectors.toList())));
        Map<UUID, List<TaskSnapshot.MilestoneView>> milestones = Milestone.<Milestone>list("taskId in ?1",
                        Sort.by("position"), ids).stream()
                .collect(Collectors.groupingBy(m -> m.taskId, LinkedHashMap::new,
                        Collectors.mapping(m -> new TaskSnapshot.MilestoneView(m.id, m.title, m.dueDate, m.achievedAt),
                                Collectors.toList())));
        Map<UUID, Long> evidenceCounts = new HashMap<>();
        entityManager.createQuery("select e.taskId, count(e) from Evidence e where e.taskId in :ids group by e.taskId",
                        Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(row -> evidenceCounts.put((UUID) row[0], (Long) row[1]));
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
