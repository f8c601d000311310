package io.rectification.tasks.followup;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** What the follow-up job compares between ticks moves when a task is added, and only then. */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class FollowUpLedgerTest {

    @Inject
    FollowUpLedger ledger;

    @Test
    void aTaskAddedChangesWhatTheScheduleSees() {
        String problemId = Fixtures.freshProblem();
        FollowUpSchedule.Ledger before = ledger.read();
        assertEquals(before, ledger.read(), "nothing added: the same");

        Fixtures.task(problemId, Fixtures.taskJson("规范公务用车管理", "2024-05-01", "TIME_BOUND", ""));

        FollowUpSchedule.Ledger after = ledger.read();
        assertNotEquals(before, after);
        assertEquals(before.tasks() + 1, after.tasks());
    }
}
