package io.rectification.tasks.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one emitter loop of every follow-up: the notices a check finds and that no run has claimed
 * yet are published in parts of {@link #NOTICES_PER_PART}, each part in a transaction of its own
 * ({@link FollowUpPart}: each notice claimed and, when this call claimed it, published as a task
 * event), so it goes out once even with several instances running. Like every task event it moves
 * the task's version: the snapshot now says overdue (or missing, or due), and a consumer ordering
 * snapshots by version must not take it for the previous one.
 *
 * <p>In parts because one transaction for everything did not scale: 10,000 overdue tasks ran past the
 * transaction timeout, rolled back, were tried again every 15 minutes, and held the audit chain's
 * lock all the while, so no staff change could commit. Now a part holds the lock for 200 notices; a
 * run that stops half-way (timeout, crash, restart) has committed whole parts only, each with its
 * claims, and the next run starts after them: the claims it finds are skipped, nothing is lost and
 * nothing goes out twice.
 */
@ApplicationScoped
public class FollowUps {

    /** Notices per transaction: one part's claims, events and audit entries take well under a second. */
    static final int NOTICES_PER_PART = 200;

    private final FollowUpNotices notices;
    private final FollowUpPart part;

    public FollowUps(FollowUpNotices notices, FollowUpPart part) {
        this.notices = notices;
        this.part = part;
    }

    /**
     * Never inside a caller's transaction: each part must commit on its own (joined to one outer
     * transaction, the parts would be the one large transaction again).
     *
     * @return how many events were appended
     */
    @Transactional(Transactional.TxType.NEVER)
    public int emit(FollowUpCheck check, OffsetDateTime now) {
        int emitted = 0;
        List<FollowUpNotice.Due> due = unclaimed(check, now);
        for (int from = 0; from < due.size(); from += NOTICES_PER_PART) {
            emitted += part.publish(due.subList(from, Math.min(from + NOTICES_PER_PART, due.size())));
        }
        return emitted;
    }

    /**
     * What the check finds, less the notices claimed before (by an earlier run, or an earlier part of
     * a run that stopped), in the check's order. Read in a transaction of its own that writes nothing
     * and so takes no lock, not even the audit chain's: a long read delays no one.
     */
    private List<FollowUpNotice.Due> unclaimed(FollowUpCheck check, OffsetDateTime now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<FollowUpNotice.Due> found = check.dueAt(now).stream().map(FollowUpNotice::due).toList();
            Set<String> claimed = notices.claimedOf(found.stream().map(FollowUpNotice.Due::key).toList());
            List<FollowUpNotice.Due> unclaimed = new ArrayList<>(found.size());
            for (FollowUpNotice.Due due : found) {
                if (!claimed.contains(due.key())) {
                    unclaimed.add(due);
                }
            }
            return unclaimed;
        });
    }
}
