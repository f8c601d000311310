package io.rectification.platform.contract;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one overdue rule both services ask: a deadline passed (before today) and the task neither closed
 * out nor claimed. A claim waits on the supervisor, not the unit, so it is never overdue.
 */
class OverdueRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2028, 3, 1);
    /** A leap day: the day before 1 March 2028. */
    private static final LocalDate YESTERDAY = LocalDate.of(2028, 2, 29);

    @Test
    void aPassedDeadlineMakesAnOpenTaskOverdueButNotAClaimedOrClosedOne() {
        for (String open : new String[]{"PLANNED", "IN_PROGRESS", "REOPENED", null}) {
            assertTrue(TaskStates.overdue(open, YESTERDAY, TODAY), open);
        }
        for (String state : new String[]{"COMPLETION_CLAIMED", "VERIFIED", "CONSOLIDATING"}) {
            assertFalse(TaskStates.overdue(state, YESTERDAY, TODAY), state);
        }
        assertFalse(TaskStates.overdue("IN_PROGRESS", TODAY, TODAY), "due today is not overdue yet");
        assertFalse(TaskStates.overdue("IN_PROGRESS", null, TODAY), "no deadline, nothing to be late for");
    }

    @Test
    void theSqlSaysTheSame() {
        assertEquals("(t.deadline < CAST(? AS date) AND coalesce(t.state, '') NOT IN "
                        + "('COMPLETION_CLAIMED', 'VERIFIED', 'CONSOLIDATING'))",
                TaskStates.overdueSql("t.state", "t.deadline", "CAST(? AS date)"));
    }
}
