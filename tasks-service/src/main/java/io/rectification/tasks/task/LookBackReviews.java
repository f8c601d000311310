package io.rectification.tasks.task;

import io.quarkus.panache.common.Sort;
import io.rectification.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** The look-back reviews (回头看) held, newest first: of one task, or of one inspection's plan. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LookBackReviews {

    private final TaskGuard guard;
    private final EntityManager entityManager;

    public LookBackReviews(TaskGuard guard, EntityManager entityManager) {
        this.guard = guard;
        this.entityManager = entityManager;
    }

    /** The task's reviews, newest first; 404 when there is no such task. */
    public List<LookBackReviewView> ofTask(UUID taskId) {
        guard.find(taskId);
        return LookBackReview.<LookBackReview>list("taskId", Sort.descending("reviewedAt", "id"), taskId).stream()
                .map(LookBackReviews::view).toList();
    }

    /** The reviews held on the tasks of one inspection, newest first; {@code inspectionId} is required. */
    public List<LookBackReviewView> ofInspection(UUID inspectionId) {
        if (inspectionId == null) {
            throw ApiException.badRequest("inspectionId", "name the inspection whose look-back reviews to list");
        }
        return entityManager.createQuery("select r from LookBackReview r, RectificationTask t where t.id = r.taskId"
                        + " and t.inspectionId = :inspection order by r.reviewedAt desc, r.id desc", LookBackReview.class)
                .setParameter("inspection", inspectionId).getResultList().stream()
                .map(LookBackReviews::view).toList();
    }

    /** A review held, without the task after it (lists name the task by id). */
    private static LookBackReviewView view(LookBackReview review) {
        return LookBackReviewView.of(review, null);
    }
}
