package io.rectification.tasks.task;

import java.time.LocalDate;
import java.util.List;

/**
 * What the work recorded on a task (package {@code work}) contributes to the task: its indicators,
 * its stage goals and how much evidence it has. The snapshot shows them; the close-out rules read them.
 */
public record TaskParts(List<TaskSnapshot.IndicatorView> indicators, List<TaskSnapshot.MilestoneView> milestones,
                        long evidenceCount) {

    public static final TaskParts NONE = new TaskParts(List.of(), List.of(), 0);

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
