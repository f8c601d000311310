package io.rectification.tasks.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /** Of {@code keys}, those claimed before: asked for a thousand at a time (a statement's parameters are bounded). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> claimedOf(List<String> keys) {
        Set<String> claimed = new HashSet<>();
        for (int from = 0; from < keys.size(); from += 1000) {
            List<?> found = entityManager.createNativeQuery("SELECT notice_key FROM task_follow_up_notice WHERE notice_key IN (?1)")
                    .setParameter(1, keys.subList(from, Math.min(from + 1000, keys.size()))).getResultList();
            found.forEach(key -> claimed.add((String) key));
        }
        return claimed;
    }
}
