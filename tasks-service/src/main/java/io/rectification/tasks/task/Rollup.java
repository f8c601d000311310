package io.rectification.tasks.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/** Progress rolled up from tasks: a problem's and an area's percent is the average of their tasks'. */
@ApplicationScoped
public class Rollup {

    private final EntityManager entityManager;

    public Rollup(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public int percentOfProblem(UUID problemId) {
        return average("problemId", problemId);
    }

    public int percentOfArea(UUID areaId) {
        return average("areaId", areaId);
    }

    private int average(String attribute, UUID id) {
        Double average = entityManager.createQuery("select avg(t.percentComplete) from RectificationTask t where t."
                        + attribute + " = :id", Double.class)
                .setParameter("id", id).getSingleResult();
        return average == null ? 0 : (int) Math.round(average);
    }
}
