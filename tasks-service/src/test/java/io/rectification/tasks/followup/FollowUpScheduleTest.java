package io.rectification.tasks.followup;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the follow-up checks run (the rule, on a pinned clock; the job ticks every 30 s): at the first
 * tick after start, every 15 minutes, and at the next tick after tasks were added or the number of
 * late tasks moved, so a plan loaded onto a freshly started stack, a deadline moved into the past or
 * midnight passing over a deadline has its overdue tasks found within a tick, not 15 minutes later.
 */
@Tag("fast")
class FollowUpScheduleTest {

    static final Instant START = Instant.parse("2026-01-31T15:59:30Z"); // 23:59:30 in Beijing
    static final FollowUpSchedule.Ledger EMPTY = new FollowUpSchedule.Ledger(0, null, 0);
    static final FollowUpSchedule.Ledger PLAN = new FollowUpSchedule.Ledger(45, START.plusSeconds(75), 3);

    final FollowUpSchedule schedule = new FollowUpSchedule(Duration.ofMinutes(15));

    @Test
    void theFirstTickAfterStartRunsTheChecks() {
        assertTrue(schedule.due(START, PLAN), "a task already overdue at start is found at the first tick");
        schedule.ran(START, PLAN);
        assertFalse(schedule.due(START.plusSeconds(30), PLAN));
    }

    @Test
    void aPlanLoadedAfterStartIsCheckedAtTheNextTickNotAnIntervalLater() {
        schedule.ran(START, EMPTY); // the stack's first run: no plan yet
        assertFalse(schedule.due(START.plusSeconds(30), EMPTY));
        assertFalse(schedule.due(START.plusSeconds(60), EMPTY));
        // the plan is loaded at +75 s: the tick at +90 s runs the checks
        assertTrue(schedule.due(START.plusSeconds(90), PLAN));
        schedule.ran(START.plusSeconds(90), PLAN);
        assertFalse(schedule.due(START.plusSeconds(120), PLAN), "nothing added since: not again before the interval");
        assertFalse(schedule.due(START.plusSeconds(90).plus(Duration.ofMinutes(15)).minusMillis(1), PLAN));
        assertTrue(schedule.due(START.plusSeconds(90).plus(Duration.ofMinutes(15)), PLAN));
    }

    @Test
    void aTaskAddedWithTheSameCreationTimeStillCounts() {
        schedule.ran(START, PLAN);
        assertTrue(schedule.due(START.plusSeconds(30), new FollowUpSchedule.Ledger(46, PLAN.newest(), PLAN.late())));
    }

    @Test
    void aDeadlineMovedIntoThePastIsCheckedAtTheNextTick() {
        schedule.ran(START, PLAN);
        assertFalse(schedule.due(START.plusSeconds(30), PLAN));
        // one more open task late: its deadline edited to yesterday, or midnight passed over it
        assertTrue(schedule.due(START.plusSeconds(60), new FollowUpSchedule.Ledger(45, PLAN.newest(), 4)));
    }

    @Test
    void withoutChangesTheChecksRunOnceAnInterval() {
        schedule.ran(START, PLAN);
        Instant at = START;
        int runs = 0;
        for (int tick = 1; tick <= 120; tick++) { // an hour of 30-second ticks
            at = START.plusSeconds(30L * tick);
            if (schedule.due(at, PLAN)) {
                schedule.ran(at, PLAN);
                runs++;
            }
        }
        assertEquals(4, runs, "four runs in an hour after the first");
    }
}
