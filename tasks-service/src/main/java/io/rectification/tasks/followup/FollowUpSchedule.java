package io.rectification.tasks.followup;

import java.time.Duration;
import java.time.Instant;

/**
 * When the follow-up checks run: at the first tick after the service starts, then once every
 * {@code every} (15 min) — and at the next tick after the ledger changed in a way a check may
 * answer at once: tasks added, or the number of open tasks past their deadline moved.
 *
 * <p>Why: the checks used to run on the scheduler's interval alone. Its first run is at start,
 * which on a freshly started stack is before the plan is loaded, so a task that was overdue the
 * moment it was loaded waited a whole interval for its TaskOverdue (the first overdue mail came
 * about 15 minutes late). A plan imported while the service runs waited the same way, and so did a
 * deadline moved into the past, or midnight passing over a deadline. The ledger (how many tasks,
 * the newest, how many open ones are late today) is read at every tick; when it differs from what
 * the last run saw, a run is due. Sending nothing twice is not this rule's job: every notice is
 * claimed once ({@link FollowUpNotices}), across runs, restarts and instances.
 */
final class FollowUpSchedule {

    /**
     * The ledger as a tick sees it: a task added moves the count (and usually the newest); a
     * deadline moved into the past, a late task closed or a day passing moves {@code late}.
     */
    record Ledger(long tasks, Instant newest, long late) {
    }

    private final Duration every;
    private Instant lastRun;
    private Ledger seen;

    FollowUpSchedule(Duration every) {
        this.every = every;
    }

    /** Whether the checks are to run at {@code now}, the ledger being as {@code ledger} says. */
    synchronized boolean due(Instant now, Ledger ledger) {
        return lastRun == null || !now.isBefore(lastRun.plus(every)) || !ledger.equals(seen);
    }

    /** A run began at {@code at} over the ledger as it was read before it. */
    synchronized void ran(Instant at, Ledger ledger) {
        lastRun = at;
        seen = ledger;
    }
}
