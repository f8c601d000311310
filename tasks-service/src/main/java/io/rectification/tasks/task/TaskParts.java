package io.rectification.tasks.task;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the work recorded on a task (package {@code work}) contributes to the task: its indicators,
 * its stage goals and how much evidence it has. The snapshot shows them; the close-out rules read them.
 * {@code checkableEvidence} counts the entries a supervisor can look at: with a file attached or a
 * reference (document number, ledger name); {@code bareEvidence} names the others, read for one task
 * whose close-out they would be refused on ({@link TaskSnapshots#partsOf(RectificationTask)}), empty
 * in the snapshots of lists, which need only the counts.
 */
public record TaskParts(List<TaskSnapshot.IndicatorView> indicators, List<TaskSnapshot.MilestoneView> milestones,
                        long evidenceCount, long checkableEvidence, List<BareEvidence> bareEvidence) {

    public static final TaskParts NONE = new TaskParts(List.of(), List.of(), 0, 0, List.of());

    /** An evidence entry with neither a file nor a reference: a title only, nothing a supervisor can check. */
    public record BareEvidence(UUID id, String title) {
    }

    public TaskParts withBareEvidence(List<BareEvidence> bare) {
        return new TaskParts(indicators, milestones, evidenceCount, checkableEvidence, List.copyOf(bare));
    }

    public List<String> unmetIndicators() {
        return indicators.stream().filter(i -> !i.met()).map(TaskSnapshot.IndicatorView::name).toList();
    }

    /** The titles of the stage goals not achieved, of those due on or before {@code dueBy} (all when null). */
    public List<String> openMilestones(LocalDate dueBy) {
        return milestones.stream()
                .filter(m -> m.achievedAt() == null && (dueBy == null || !m.dueDate().isAfter(dueBy)))
                .map(TaskSnapshot.MilestoneView::title).toList();
    }
}
