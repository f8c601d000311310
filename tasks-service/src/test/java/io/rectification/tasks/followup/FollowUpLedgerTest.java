package io.rectification.tasks.followup;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * What the follow-up job compares between ticks moves when a task is added or an open task's deadline
 * passes (edited into the past, or the day moving on), and not otherwise.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class FollowUpLedgerTest {

    @Inject
    FollowUpLedger ledger;

    static final LocalDate TODAY = LocalDate.of(2026, 2, 28);

    @Test
    void aTaskAddedChangesWhatTheScheduleSees() {
        String problemId = Fixtures.freshProblem();
        FollowUpSchedule.Ledger before = ledger.read(TODAY);
        assertEquals(before, ledger.read(TODAY), "nothing added: the same");

        Fixtures.task(problemId, Fixtures.taskJson("规范公务用车管理", "2024-05-01", "TIME_BOUND", ""));

        FollowUpSchedule.Ledger after = ledger.read(TODAY);
        assertNotEquals(before, after);
        assertEquals(before.tasks() + 1, after.tasks());
    }

    @Test
    void aDeadlineMovedIntoThePastOrPassedByTheDayChangesWhatTheScheduleSees() {
        String taskId = Fixtures.task(Fixtures.freshProblem(),
                Fixtures.taskJson("清理超标办公用房", "2026-03-01", "TIME_BOUND", ""));
        FollowUpSchedule.Ledger before = ledger.read(TODAY);
        // the day after the deadline (1 March, leap-free year) counts it late; the day itself not
        assertEquals(before.late(), ledger.read(LocalDate.of(2026, 3, 1)).late());
        assertEquals(before.late() + 1, ledger.read(LocalDate.of(2026, 3, 2)).late());

        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"deadline\":\"2026-02-27\"}").patch("/tasks/" + taskId).then().statusCode(200);

        FollowUpSchedule.Ledger moved = ledger.read(TODAY);
        assertEquals(before.tasks(), moved.tasks(), "no task added");
        assertEquals(before.late() + 1, moved.late(), "the task is late now, without a day passing");
    }
}
