package io.rectification.tasks.task;

import io.rectification.platform.error.ApiException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state machine and the state rules of commands, alone: plain JUnit, no services. */
@Tag("fast")
class TaskLifecycleRulesTest {

    @ParameterizedTest(name = "{0}: {1} --{2}--> {3}")
    @CsvSource({
            "IMMEDIATE, PLANNED, START, IN_PROGRESS",
            "TIME_BOUND, IN_PROGRESS, CLAIM_COMPLETION, COMPLETION_CLAIMED",
            "LONG_TERM, COMPLETION_CLAIMED, REJECT_COMPLETION, IN_PROGRESS",
            "IMMEDIATE, COMPLETION_CLAIMED, VERIFY, VERIFIED",
            "TIME_BOUND, COMPLETION_CLAIMED, VERIFY, VERIFIED",
            "LONG_TERM, COMPLETION_CLAIMED, CONSOLIDATE, CONSOLIDATING",
            "LONG_TERM, CONSOLIDATING, VERIFY, VERIFIED",
            "LONG_TERM, CONSOLIDATING, REOPEN, REOPENED",
            "TIME_BOUND, VERIFIED, LOOK_BACK_CONFIRM, VERIFIED",
            "LONG_TERM, VERIFIED, REOPEN, REOPENED",
            "IMMEDIATE, REOPENED, CLAIM_COMPLETION, COMPLETION_CLAIMED",
            "TIME_BOUND, COMPLETION_CLAIMED, WITHDRAW_CLAIM, IN_PROGRESS",
    })
    void everyMoveOfTheTable(TaskKind kind, TaskState from, TaskAction action, TaskState to) {
        assertEquals(to, TaskLifecycle.next(kind, from, action));
        assertTrue(TaskLifecycle.allowed(kind, from).contains(action));
    }

    @ParameterizedTest
    @EnumSource(value = TaskKind.class, names = {"IMMEDIATE", "TIME_BOUND"})
    void aTaskThatIsNotLongTermIsNeverConsolidated(TaskKind kind) {
        for (TaskState state : TaskState.values()) {
            assertFalse(TaskLifecycle.allowed(kind, state).contains(TaskAction.CONSOLIDATE), kind + " in " + state);
        }
        assertEquals(List.of(TaskAction.REJECT_COMPLETION, TaskAction.VERIFY, TaskAction.WITHDRAW_CLAIM),
                TaskLifecycle.allowed(kind, TaskState.COMPLETION_CLAIMED));
        ApiException refused = assertThrows(ApiException.class,
                () -> TaskLifecycle.next(kind, TaskState.COMPLETION_CLAIMED, TaskAction.CONSOLIDATE));
        assertEquals(409, refused.status());
        assertEquals(List.of(), TaskLifecycle.allowed(kind, TaskState.CONSOLIDATING));
    }

    @Test
    void aLongTermTaskIsConsolidatedBeforeItIsVerified() {
        assertEquals(List.of(TaskAction.REJECT_COMPLETION, TaskAction.CONSOLIDATE, TaskAction.WITHDRAW_CLAIM),
                TaskLifecycle.allowed(TaskKind.LONG_TERM, TaskState.COMPLETION_CLAIMED));
        assertThrows(ApiException.class,
                () -> TaskLifecycle.next(TaskKind.LONG_TERM, TaskState.COMPLETION_CLAIMED, TaskAction.VERIFY));
        assertEquals(List.of(TaskAction.VERIFY, TaskAction.REOPEN),
                TaskLifecycle.allowed(TaskKind.LONG_TERM, TaskState.CONSOLIDATING));
        for (TaskState state : TaskState.values()) {
            assertEquals(state == TaskState.COMPLETION_CLAIMED || state == TaskState.CONSOLIDATING,
                    TaskLifecycle.allowed(TaskKind.LONG_TERM, state).contains(TaskAction.VERIFY)
                            || TaskLifecycle.allowed(TaskKind.LONG_TERM, state).contains(TaskAction.CONSOLIDATE),
                    state.name());
            assertEquals(state == TaskState.CONSOLIDATING,
                    TaskLifecycle.allowed(TaskKind.LONG_TERM, state).contains(TaskAction.VERIFY), state.name());
        }
    }

    @Test
    void onlyALongTermTaskIsEverConsolidating() {
        for (TaskKind kind : TaskKind.values()) {
            for (TaskState state : TaskState.values()) {
                boolean holds = state != TaskState.CONSOLIDATING || kind == TaskKind.LONG_TERM;
                assertEquals(holds, TaskLifecycle.holds(kind, state), kind + " in " + state);
            }
        }
        ApiException refused = assertThrows(ApiException.class,
                () -> TaskLifecycle.requireKindHolds(TaskKind.TIME_BOUND, TaskState.CONSOLIDATING));
        assertEquals(409, refused.status());
    }

    @Test
    void aMoveNotInTheTableIsA409SayingWhatIsAllowed() {
        ApiException refused = assertThrows(ApiException.class,
                () -> TaskLifecycle.next(TaskKind.TIME_BOUND, TaskState.PLANNED, TaskAction.VERIFY));
        assertEquals(409, refused.status());
        assertEquals(List.of(TaskAction.START), TaskLifecycle.allowed(TaskKind.TIME_BOUND, TaskState.PLANNED));
        assertThrows(ApiException.class, () -> TaskLifecycle.next(TaskKind.IMMEDIATE, TaskState.VERIFIED, TaskAction.START));
        assertThrows(ApiException.class, () -> TaskLifecycle.next(TaskKind.LONG_TERM, TaskState.IN_PROGRESS, TaskAction.REOPEN));
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
                TaskLifecycle.requireOpenForWork(TaskKind.LONG_TERM, state, "progress cannot be reported");
            } else {
                ApiException refused = assertThrows(ApiException.class,
                        () -> TaskLifecycle.requireOpenForWork(TaskKind.LONG_TERM, state, "progress cannot be reported"));
                assertEquals(409, refused.status());
            }
        }
    }

    @Test
    void evidenceIsFixedWhileClaimedAndOnceClosedOutAndOpenAgainWhenReopened() {
        ApiException refused = assertThrows(ApiException.class,
                () -> TaskLifecycle.requireEvidenceOpen(TaskKind.TIME_BOUND, TaskState.VERIFIED));
        assertEquals(409, refused.status());
        ApiException claimed = assertThrows(ApiException.class,
                () -> TaskLifecycle.requireEvidenceOpen(TaskKind.TIME_BOUND, TaskState.COMPLETION_CLAIMED));
        assertEquals(409, claimed.status());
        assertTrue(claimed.getMessage().contains("withdraw the claim (撤回销号申请) first"), claimed.getMessage());
        assertFalse(TaskLifecycle.acceptsEvidence(TaskState.VERIFIED));
        assertFalse(TaskLifecycle.acceptsEvidence(TaskState.COMPLETION_CLAIMED));
        for (TaskState state : EnumSet.complementOf(EnumSet.of(TaskState.VERIFIED, TaskState.COMPLETION_CLAIMED))) {
            assertTrue(TaskLifecycle.acceptsEvidence(state), state.name());
        }
    }

    @ParameterizedTest
    @EnumSource(TaskKind.class)
    void aWithdrawnClaimGoesBackToTheStateItWasClaimedFrom(TaskKind kind) {
        assertEquals(TaskState.IN_PROGRESS,
                TaskLifecycle.afterWithdrawal(kind, TaskState.COMPLETION_CLAIMED, TaskState.IN_PROGRESS));
        assertEquals(TaskState.REOPENED,
                TaskLifecycle.afterWithdrawal(kind, TaskState.COMPLETION_CLAIMED, TaskState.REOPENED));
        // a claim whose origin is not recorded goes where a rejection sends it; nor is an origin
        // believed that no claim is made from
        assertEquals(TaskState.IN_PROGRESS, TaskLifecycle.afterWithdrawal(kind, TaskState.COMPLETION_CLAIMED, null));
        assertEquals(TaskState.IN_PROGRESS,
                TaskLifecycle.afterWithdrawal(kind, TaskState.COMPLETION_CLAIMED, TaskState.VERIFIED));
    }

    @ParameterizedTest
    @EnumSource(TaskKind.class)
    void onlyAClaimNotYetDecidedIsWithdrawn(TaskKind kind) {
        for (TaskState state : EnumSet.complementOf(EnumSet.of(TaskState.COMPLETION_CLAIMED))) {
            assertFalse(TaskLifecycle.allowed(kind, state).contains(TaskAction.WITHDRAW_CLAIM), kind + " in " + state);
            ApiException refused = assertThrows(ApiException.class,
                    () -> TaskLifecycle.afterWithdrawal(kind, state, TaskState.IN_PROGRESS), state.name());
            assertEquals(409, refused.status());
        }
    }

    @Test
    void aWithdrawnClaimLeavesTheWorkAsReportedAndTheReopeningInPlace() {
        RectificationTask task = new RectificationTask();
        OffsetDateTime reopenedAt = OffsetDateTime.parse("2025-01-01T00:00:00+08:00");
        OffsetDateTime claimedAt = OffsetDateTime.parse("2025-01-05T10:00:00+08:00");
        OffsetDateTime withdrawnAt = OffsetDateTime.parse("2025-01-06T09:00:00+08:00");
        task.reopenedAt = reopenedAt;
        task.state = TaskState.REOPENED;
        task.percentComplete = 100;
        task.claimed(TaskState.REOPENED, "li.ke", claimedAt);
        assertEquals(TaskState.REOPENED, task.claimedFrom);
        assertEquals("li.ke", task.claimedBy);

        task.claimWithdrawn("指标数据尚未更新", "wang.ke", withdrawnAt);
        // the owner's own report, which no one refused: a withdrawal judges nothing
        assertEquals(100, task.percentComplete);
        assertNull(task.claimedBy);
        assertNull(task.claimedAt);
        assertNull(task.claimedFrom);
        assertEquals("指标数据尚未更新", task.withdrawalReason);
        assertEquals("wang.ke", task.withdrawnBy);
        assertEquals(withdrawnAt, task.withdrawnAt);
        // the next claim still needs evidence recorded since the reopening
        assertEquals(reopenedAt, task.reopenedAt);
    }

    @Test
    void theGuardsRuleForAMoveIsTheTable() {
        RectificationTask task = new RectificationTask();
        task.kind = TaskKind.TIME_BOUND;
        task.state = TaskState.PLANNED;
        LifecycleRule.allows(TaskAction.START).check(task);
        assertThrows(ApiException.class, () -> LifecycleRule.allows(TaskAction.CLAIM_COMPLETION).check(task));
        assertThrows(ApiException.class, () -> LifecycleRule.allows(TaskAction.WITHDRAW_CLAIM).check(task));
        LifecycleRule.ANY_STATE.check(task);
        task.state = TaskState.VERIFIED;
        assertThrows(ApiException.class, () -> LifecycleRule.EVIDENCE_OPEN.check(task));
        assertThrows(ApiException.class, () -> LifecycleRule.OPEN_FOR_WORK.check(task));
    }
}
