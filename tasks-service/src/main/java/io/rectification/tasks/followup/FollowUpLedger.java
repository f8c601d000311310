package io.rectification.tasks.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rectification.tasks.task.RectificationTask;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;

/**
 * What {@link FollowUpSchedule} compares between ticks: how many tasks the ledger holds and when the
 * newest was created. One aggregate, in a read-only transaction of its own, every tick: a scan of
 * a table of thousands of rows, well under what a follow-up run reads.
 */
@ApplicationScoped
public class FollowUpLedger {

    public FollowUpSchedule.Ledger read() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = RectificationTask.getEntityManager()
                    .createQuery("select count(t), max(t.createdAt) from RectificationTask t", Object[].class)
                    .getSingleResult();
            OffsetDateTime newest = (OffsetDateTime) row[1];
            return new FollowUpSchedule.Ledger((Long) row[0], newest == null ? null : newest.toInstant());
        });
    }
}
