package io.rectification.tasks.problem;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A problem's place in the plan: its area's number and its own, which a task's own number needs
 * beside it to say which task it is ((一)3.二是: a task's number is unique only within its problem).
 */
public record ProblemNumbers(int area, int problem) {

    /** The numbers of each of {@code problemIds} that exists, in one query however many there are. */
    public static Map<UUID, ProblemNumbers> of(Collection<UUID> problemIds) {
        if (problemIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = Problem.getEntityManager().createQuery(
                        "select p.id, a.number, p.number from Problem p, FeedbackArea a where a.id = p.areaId and p.id in :ids",
                        Object[].class)
                .setParameter("ids", Set.copyOf(problemIds))
                .getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (UUID) row[0],
                row -> new ProblemNumbers((Integer) row[1], (Integer) row[2])));
    }
}
