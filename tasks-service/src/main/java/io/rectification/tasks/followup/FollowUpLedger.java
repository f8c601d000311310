package io.rectification.tasks.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rectification.tasks.task.Overdue;
import io.rectification.tasks.task.RectificationTask;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What {@link FollowUpSchedule} compares between ticks: how many tasks the ledger holds, when the
 * newest was created, and how many open tasks are past their deadline on {@code today}. One
 * aggregate, in a read-only transaction of its own, every tick: a scan of a table of thousands of
 * rows, well under what a follow-up run reads.
 */
@ApplicationScoped
public class FollowUpLedger {

    public FollowUpSchedule.Ledger read(LocalDate today) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = RectificationTask.getEntityManager().createQuery("select count(t), max(t.createdAt), count(case when "
                    + Overdue.where("t") + " then 1 end) from RectificationTask t", Object[].class);
            Overdue.on(today).map().forEach(query::setParameter);
            Object[] row = query.getSingleResult();
            OffsetDateTime newest = (OffsetDateTime) row[1];
            return new FollowUpSchedule.Ledger((Long) row[0], newest == null ? null : newest.toInstant(),
                    (Long) row[2]);
        });
    }
}
