package io.rectification.tasks.rollup;

import io.rectification.tasks.support.Cancellation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Progress rolled up from tasks: a problem's and an area's percent is the average of their tasks'
 * (0 without tasks). Only the tasks that stand count: one cancelled (撤销) as entered by mistake is in no
 * figure, so a problem whose tasks are all cancelled is at 0, as one without tasks. A query package: it reads the task table and knows nothing else of tasks, so
 * areas and problems can show their progress without depending on the task package. A page of
 * areas or problems is rolled up in one query.
 */
@ApplicationScoped
public class ProgressRollup {

    /** JPQL: the task {@code t} stands (the office has not cancelled it), as {@code Cancellation.standing} says. */
    private static final String STANDING = Cancellation.standing("t");

    private final EntityManager entityManager;

    public ProgressRollup(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public int percentOfProblem(UUID problemId) {
        return percentOfProblems(List.of(problemId)).get(problemId);
    }

    public int percentOfArea(UUID areaId) {
        return percentOfAreas(List.of(areaId)).get(areaId);
    }

    /** Each of {@code problemIds} with its percent, in one query. */
    public Map<UUID, Integer> percentOfProblems(Collection<UUID> problemIds) {
        return averages("problemId", problemIds);
    }

    /** Each of {@code areaIds} with its percent, in one query. */
    public Map<UUID, Integer> percentOfAreas(Collection<UUID> areaIds) {
        return averages("areaId", areaIds);
    }

    /** How many tasks each of {@code problemIds} has, in one query. */
    public Map<UUID, Integer> taskCountOfProblems(Collection<UUID> problemIds) {
        Map<UUID, Integer> counts = new HashMap<>();
        problemIds.forEach(id -> counts.put(id, 0));
        if (problemIds.isEmpty()) {
            return counts;
        }
        entityManager.createQuery("select t.problemId, count(t) from RectificationTask t where t.problemId in :ids and "
                        + STANDING + " "
                        + "group by t.problemId", Object[].class)
                .setParameter("ids", List.copyOf(problemIds)).getResultList()
                .forEach(row -> counts.put((UUID) row[0], ((Number) row[1]).intValue()));
        return counts;
    }

    /**
     * One responsible unit's tasks among some problems: how many, how many of them are closed out (销号,
     * VERIFIED) now, and their average percent (unrounded).
     */
    public record UnitProgress(String responsibleUnit, int taskCount, int closedOut, double percentComplete) {
    }

    /** The tasks of {@code problemIds} by responsible unit, each unit once, ordered by its name; in one query. */
    public List<UnitProgress> byUnit(Collection<UUID> problemIds) {
        if (problemIds.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("select t.responsibleUnit, count(t), "
                        + "sum(case when t.state = 'VERIFIED' then 1 else 0 end), avg(t.percentComplete) "
                        + "from RectificationTask t where t.problemId in :ids and " + STANDING
                        + " group by t.responsibleUnit", Object[].class)
                .setParameter("ids", List.copyOf(problemIds))
                .getResultList().stream()
                .map(row -> new UnitProgress((String) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                        ((Number) row[3]).doubleValue()))
                // by the name's characters, not the database's collation: the same order on every server
                .sorted(java.util.Comparator.comparing(UnitProgress::responsibleUnit))
                .toList();
    }

    private Map<UUID, Integer> averages(String attribute, Collection<UUID> ids) {
        Map<UUID, Integer> percents = new HashMap<>();
        ids.forEach(id -> percents.put(id, 0));
        if (ids.isEmpty()) {
            return percents;
        }
        entityManager.createQuery("select t." + attribute + ", avg(t.percentComplete) from RectificationTask t where t."
                        + attribute + " in :ids and " + STANDING + " group by t." + attribute, Object[].class)
                .setParameter("ids", List.copyOf(ids)).getResultList()
                .forEach(row -> percents.put((UUID) row[0], (int) Math.round(((Number) row[1]).doubleValue())));
        return percents;
    }
}
