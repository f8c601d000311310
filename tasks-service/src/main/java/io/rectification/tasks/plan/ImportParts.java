package io.rectification.tasks.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a large plan import's memory flat. A plan is imported in one transaction (all or nothing),
 * but the persistence context would otherwise keep every task, stage goal and indicator created
 * until the commit: a 2,000-task plan did not fit a 96 MB heap. Every {@link #TASKS_PER_PART} tasks
 * the part is written (flush) and its entities forgotten (clear); the rows stay uncommitted in the
 * same transaction, so a failure later in the plan still rolls back every part.
 */
@ApplicationScoped
class ImportParts {

    /** Large enough that the JDBC batches stay full, small enough that a part's entities are a few MB. */
    static final int TASKS_PER_PART = 200;

    private final EntityManager entityManager;

    ImportParts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Writes the part and forgets its entities. Every entity the caller held is detached afterwards:
     * it may still read their fields, but must look them up again to change them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void endPart() {
        entityManager.flush();
        entityManager.clear();
    }

    /** {@code items} cut into consecutive parts of {@link #TASKS_PER_PART}. */
    static <T> List<List<T>> parts(List<T> items) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < items.size(); from += TASKS_PER_PART) {
            parts.add(items.subList(from, Math.min(from + TASKS_PER_PART, items.size())));
        }
        return parts;
    }
}
