package io.rectification.tasks.task;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The work recorded on tasks, as the task sees it. Implemented by package {@code work}, which
 * depends on this package and not the other way round: the task and its lifecycle know their work
 * only through this interface, so the two packages form no cycle.
 */
public interface TaskWork {

    /**
     * The parts of each of {@code taskIds} (a task without any has {@link TaskParts#NONE}), read in a
     * fixed number of queries however many tasks there are.
     */
    Map<UUID, TaskParts> partsOf(Collection<UUID> taskIds);

    /** Records the stage goals and indicators a new task's plan states; answers the initial values recorded. */
    List<RecordedValue> plan(RectificationTask task, TaskInput input, OffsetDateTime at);

    /** The percent of the task's latest progress report, if it has any. */
    OptionalInt latestReportedPercent(UUID taskId);

    /** The task's evidence entries with neither a file nor a reference, in the order they were recorded. */
    List<TaskParts.BareEvidence> bareEvidence(UUID taskId);

    /** Those of {@link #bareEvidence} recorded at or after {@code since}, as {@link #checkableEvidenceRecordedSince} counts. */
    List<TaskParts.BareEvidence> bareEvidenceRecordedSince(UUID taskId, OffsetDateTime since);

    /**
     * How many pieces of evidence a supervisor can check (a file attached or a reference) were recorded
     * on the task at or after {@code since}. "At" counts: a closed-out task takes no evidence, so
     * whatever carries the reopen's own instant came after it.
     */
    long checkableEvidenceRecordedSince(UUID taskId, OffsetDateTime since);
}
