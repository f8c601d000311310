package io.rectification.tasks.task;

import io.rectification.platform.error.ApiException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evidence a claim and a verification need ({@link CloseOutRule}), alone: at least one entry a
 * supervisor can check (its file attached or a reference), and the task view's allowedTransitions
 * offering a verification exactly when the command would take it. Plain JUnit, no services.
 */
@Tag("fast")
class CloseOutRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 12, 2);
    private static final TaskParts.BareEvidence MINUTES = new TaskParts.BareEvidence(
            UUID.fromString("6f1c2f0a-0000-4000-8000-000000000001"), "管委会专题会议纪要");

    private static RectificationTask claimed(TaskKind kind) {
        RectificationTask task = new RectificationTask();
        task.id = UUID.fromString("6f1c2f0a-0000-4000-8000-0000000000aa");
        task.kind = kind;
        task.state = TaskState.COMPLETION_CLAIMED;
        return task;
    }

    private static TaskParts evidence(long entries, long checkable, List<TaskParts.BareEvidence> bare) {
        return new TaskParts(List.of(), List.of(), entries, checkable, bare);
    }

    private static Map<String, Object> refusalOfClaim(TaskParts parts) {
        ApiException refused = assertThrows(ApiException.class,
                () -> CloseOutRule.requireEvidence(claimed(TaskKind.TIME_BOUND), parts, "claiming completion"));
        assertEquals(409, refused.status());
        return refused.toErrorBody("/tasks").extensionMembers();
    }

    @Test
    void noEvidenceAtAllIsNamedAsBefore() {
        assertEquals(List.of("evidence"), refusalOfClaim(TaskParts.NONE).get("missing"));
        assertEquals(List.of(TaskAction.REJECT_COMPLETION, TaskAction.WITHDRAW_CLAIM),
                CloseOutRule.allowed(claimed(TaskKind.TIME_BOUND), TaskParts.NONE, TODAY));
    }

    @Test
    void entriesWithATitleOnlyAreNoEvidenceAndTheRefusalNamesThem() {
        TaskParts bare = evidence(1, 0, List.of(MINUTES));
        Map<String, Object> members = refusalOfClaim(bare);
        assertEquals(List.of("evidenceWithFileOrReference"), members.get("missing"));
        assertEquals(List.of(MINUTES), members.get("bareEvidence"));

        ApiException verification = assertThrows(ApiException.class,
                () -> CloseOutRule.require(claimed(TaskKind.TIME_BOUND), TaskAction.VERIFY, bare, TODAY));
        assertTrue(verification.getMessage().contains("管委会专题会议纪要"), verification.getMessage());
        // the view offers neither a close-out nor a long-term task's consolidation on them
        assertEquals(List.of(TaskAction.REJECT_COMPLETION, TaskAction.WITHDRAW_CLAIM),
                CloseOutRule.allowed(claimed(TaskKind.TIME_BOUND), bare, TODAY));
        assertEquals(List.of(TaskAction.REJECT_COMPLETION, TaskAction.WITHDRAW_CLAIM),
                CloseOutRule.allowed(claimed(TaskKind.LONG_TERM), bare, TODAY));
    }

    @Test
    void oneEntryWithAFileOrReferenceIsEnoughBesideBareOnes() {
        TaskParts parts = evidence(3, 1, List.of());
        assertDoesNotThrow(() -> CloseOutRule.requireEvidence(claimed(TaskKind.TIME_BOUND), parts, "claiming completion"));
        assertDoesNotThrow(() -> CloseOutRule.require(claimed(TaskKind.TIME_BOUND), TaskAction.VERIFY, parts, TODAY));
        assertTrue(CloseOutRule.allowed(claimed(TaskKind.TIME_BOUND), parts, TODAY).contains(TaskAction.VERIFY));
        assertTrue(CloseOutRule.allowed(claimed(TaskKind.LONG_TERM), parts, TODAY).contains(TaskAction.CONSOLIDATE));
    }
}
