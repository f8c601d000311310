package io.rectification.tasks.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Claims a follow-up notice (TaskOverdue, TaskProgressReportMissing, TaskLookBackDue) in the caller's transaction, the one that also appends its event: the
 * first claim of a key wins; another instance's claim of the same key waits for it and then does
 * nothing, so the event goes out once.
 */
@ApplicationScoped
public class FollowUpNotices {

    private final EntityManager entityManager;
    private final Clock clock;

    public FollowUpNotices(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** @return true when this call claimed the key, false when it was claimed before */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String key, UUID taskId, String eventType) {
        return entityManager.createNativeQuery("""
                        INSERT INTO task_follow_up_notice (notice_key, task_id, event_type, emitted_at)
                        VALUES (?1, ?2, ?3, ?4) ON CONFLICT (notice_key) DO NOTHING""")
                .setParameter(1, key).setParameter(2, taskId).setParameter(3, eventType)
                .setParameter(4, OffsetDateTime.now(clock))
                .executeUpdate() == 1;
    }
}
