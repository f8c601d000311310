package io.rectification.tasks.task;

import io.rectification.platform.error.ApiException;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a verification ({@code /verification}: VERIFY or CONSOLIDATE) needs of the task itself, whoever
 * verifies: evidence a supervisor can check, its indicators met when it says so, and its stage goals
 * achieved. Evidence counts when at least one entry has its file attached or a reference (document
 * number, ledger name): a bare title is a claim, not 佐证材料, so a task is not closed out on it (nor
 * claimed complete on it, {@link #requireEvidence}). Every stage
 * goal for a close-out (VERIFY, of any kind, so a LONG_TERM task's final one too); for a LONG_TERM
 * task's entry into consolidation (CONSOLIDATE) those due on or before that day (in the organisation's
 * zone): the goals due later (巩固整改成果，防止反弹回潮, due next summer) are what the consolidation is
 * for, followed during it with their overdue notices ({@link Overdue}), and the final close-out waits
 * for them.
 *
 * <p>The one rule for the command's 409 and for the {@code allowedTransitions} every task view lists,
 * so a task never offers a verification the command would refuse (a claim waiting on a goal due
 * already shows no 核实 button; its supervisor rejects it, or its owners achieve the goal). Evidence
 * recorded since a reopening is checked by the command alone: a claim needs it and nothing removes
 * evidence, so a claimed or consolidating task has it.
 */
public final class CloseOutRule {

    private CloseOutRule() {
    }

    /** A 409 naming what is missing, unless {@code action} (VERIFY or CONSOLIDATE) may be taken on {@code today}. */
    static void require(RectificationTask task, TaskAction action, TaskParts parts, LocalDate today) {
        Optional<ApiException> refused = refusal(task, action, parts, today);
        if (refused.isPresent()) {
            throw refused.get();
        }
    }

    /**
     * The moves {@link TaskLifecycle} allows from the task's kind and state, less a verification this
     * rule refuses on {@code today}; none for a task cancelled (撤销), which changes no more.
     */
    static List<TaskAction> allowed(RectificationTask task, TaskParts parts, LocalDate today) {
        if (task.cancelled()) {
            return List.of();
        }
        return TaskLifecycle.allowed(task.kind, task.state).stream()
                .filter(action -> !verifies(action) || refusal(task, action, parts, today).isEmpty())
                .toList();
    }

    /**
     * A 409 when the task has no evidence a supervisor can check: {@code step} names what needs it
     * ("claiming completion").
     */
    static void requireEvidence(RectificationTask task, TaskParts parts, String step) {
        Optional<ApiException> missing = withoutEvidence(task, parts, step);
        if (missing.isPresent()) {
            throw missing.get();
        }
    }

    private static Optional<ApiException> withoutEvidence(RectificationTask task, TaskParts parts, String step) {
        if (parts.evidenceCount() == 0) {
            return Optional.of(ApiException.conflict(step + " needs at least one piece of evidence; add it at /tasks/"
                    + task.id + "/evidence").with("missing", List.of("evidence")));
        }
        if (parts.checkableEvidence() == 0) {
            // the entries are named (for a console to point at them) only where the command reads them
            return Optional.of(withoutCheckableEvidence(task, step + " needs at least one piece of evidence with its"
                            + " file attached or a reference (document number, ledger name)", "evidenceWithFileOrReference",
                    parts.bareEvidence(), "every entry has only a title: " + checkable(task)));
        }
        return Optional.empty();
    }

    /**
     * The one form of a 409 for want of evidence a supervisor can check ({@code missing}: evidenceWithFileOrReference,
     * evidenceSinceReopen), {@code needs} saying what the step needs: the entries that would count but for having
     * a title only ({@code bare}) are named in the message and listed in {@code bareEvidence}, for a console to
     * point at each; {@code noneNamed} says what to do when none is named.
     */
    static ApiException withoutCheckableEvidence(RectificationTask task, String needs, String missing,
                                                 List<TaskParts.BareEvidence> bare, String noneNamed) {
        String named = bare.isEmpty() ? noneNamed : bare.stream().map(e -> "「" + e.title() + "」")
                .collect(Collectors.joining(", ")) + " has only a title: " + checkable(task);
        return ApiException.conflict(needs + "; " + named).with("missing", List.of(missing)).with("bareEvidence", bare);
    }

    /** How an entry with a title only comes to count. */
    private static String checkable(RectificationTask task) {
        return "attach its file at /tasks/" + task.id + "/evidence/{id}/file or add an entry with a reference";
    }

    private static boolean verifies(TaskAction action) {
        return action == TaskAction.VERIFY || action == TaskAction.CONSOLIDATE;
    }

    private static Optional<ApiException> refusal(RectificationTask task, TaskAction action, TaskParts parts,
                                                  LocalDate today) {
        Optional<ApiException> evidence = withoutEvidence(task, parts, "verification");
        if (evidence.isPresent()) {
            return evidence;
        }
        if (task.requireIndicatorsMet) {
            List<String> unmet = parts.unmetIndicators();
            if (!unmet.isEmpty()) {
                return Optional.of(ApiException.conflict("these indicators do not meet their targets yet: "
                        + String.join(", ", unmet)).with("unmetIndicators", unmet));
            }
        }
        // consolidation begins with the goals due by today; a close-out needs every one
        List<String> open = parts.openMilestones(action == TaskAction.CONSOLIDATE ? today : null);
        if (!open.isEmpty()) {
            String due = action == TaskAction.CONSOLIDATE ? " (due by " + today + ")" : "";
            return Optional.of(ApiException.conflict("these stage goals" + due + " are not achieved yet: "
                    + String.join(", ", open)).with("openMilestones", open));
        }
        return Optional.empty();
    }
}
