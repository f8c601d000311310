package io.rectification.tasks.task;

import io.rectification.platform.problem.ProblemException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state machine and the state rules of commands, alone: plain JUnit, no services. */
@Tag("fast")
class TaskLifecycleRulesTest {

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
            "PLANNED, START, IN_PROGRESS",
            "IN_PROGRESS, CLAIM_COMPLETION, COMPLETION_CLAIMED",
            "COMPLETION_CLAIMED, REJECT_COMPLETION, IN_PROGRESS",
            "COMPLETION_CLAIMED, VERIFY, VERIFIED",
            "COMPLETION_CLAIMED, CONSOLIDATE, CONSOLIDATING",
            "CONSOLIDATING, VERIFY, VERIFIED",
            "CONSOLIDATING, REOPEN, REOPENED",
            "VERIFIED, LOOK_BACK_CONFIRM, VERIFIED",
            "VERIFIED, REOPEN, REOPENED",
            "REOPENED, CLAIM_COMPLETION, COMPLETION_CLAIMED",
    })
    void everyMoveOfTheTable(TaskState from, TaskAction action, TaskState to) {
        assertEquals(to, TaskLifecycle.next(from, action));
        assertTrue(TaskLifecycle.allowed(from).contains(action));
    }

    @Test
    void aMoveNotInTheTableIsA409SayingWhatIsAllowed() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> TaskLifecycle.next(TaskState.PLANNED, TaskAction.VERIFY));
        assertEquals(409, refused.status());
        assertEquals(List.of(TaskAction.START), TaskLifecycle.allowed(TaskState.PLANNED));
        assertThrows(ProblemException.class, () -> TaskLifecycle.next(TaskState.VERIFIED, TaskAction.START));
        assertThrows(ProblemException.class, () -> TaskLifecycle.next(TaskState.IN_PROGRESS, TaskAction.REOPEN));
    }

    @ParameterizedTest
    @EnumSource(TaskState.class)
    void closedIsVerifiedOrConsolidating(TaskState state) {
        assertEquals(state == TaskState.VERIFIED || state == TaskState.CONSOLIDATING, TaskLifecycle.isClosed(state));
    }

    @Test
    void progressIsReportedOnlyWhileTheTaskIsWorkedOn() {
        EnumSet<TaskState> open = EnumSet.of(TaskState.PLANNED, TaskState.IN_PROGRESS, TaskState.REOPENED,
                TaskState.CONSOLIDATING);
        for (TaskState state : TaskState.values()) {
            if (open.contains(state)) {
                TaskLifecycle.requireOpenForWork(state, "progress cannot be reported");
            } else {
                ProblemException refused = assertThrows(ProblemException.class,
                        () -> TaskLifecycle.requireOpenForWork(state, "progress cannot be reported"));
                assertEquals(409, refused.status());
            }
        }
    }

    @Test
    void evidenceIsFixedOnceClosedOutAndOpenAgainWhenReopened() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> TaskLifecycle.requireEvidenceOpen(TaskState.VERIFIED));
        assertEquals(409, refused.status());
        assertFalse(TaskLifecycle.acceptsEvidence(TaskState.VERIFIED));
        for (TaskState state : EnumSet.complementOf(EnumSet.of(TaskState.VERIFIED))) {
            assertTrue(TaskLifecycle.acceptsEvidence(state), state.name());
        }
    }

    @Test
    void theGuardsRuleForAMoveIsTheTable() {
        RectificationTask task = new RectificationTask();
        task.state = TaskState.PLANNED;
        LifecycleRule.allows(TaskAction.START).check(task);
        assertThrows(ProblemException.class, () -> LifecycleRule.allows(TaskAction.CLAIM_COMPLETION).check(task));
        LifecycleRule.ANY_STATE.check(task);
        task.state = TaskState.VERIFIED;
        assertThrows(ProblemException.class, () -> LifecycleRule.EVIDENCE_OPEN.check(task));
        assertThrows(ProblemException.class, () -> LifecycleRule.OPEN_FOR_WORK.check(task));
    }
}
