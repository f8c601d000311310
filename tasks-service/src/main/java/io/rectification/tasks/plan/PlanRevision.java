package io.rectification.tasks.plan;

import java.util.List;
import java.util.UUID;

/**
 * A plan compared with the ledger of its inspection, row by row. Rows are matched by stable keys:
 * the area's number ((一) = 1), the problem's number within the area, the task's number within the
 * problem, each its position in the plan document.
 */
public record PlanRevision(UUID inspectionId, boolean dryRun, boolean stored, int added, int changed, int removed,
                           int unchanged, List<Row> rows) {

    public enum Status { ADDED, CHANGED, REMOVED, UNCHANGED }

    /**
     * One row: where it is in the plan document (or, when removed, where it is in the ledger), its
     * key, what became of it, the columns that differ, and its id in the ledger once it has one.
     */
    public record Row(String row, String key, Status status, List<String> changedFields, UUID id) {
    }

    static PlanRevision of(UUID inspectionId, boolean dryRun, boolean stored, List<Row> rows) {
        return new PlanRevision(inspectionId, dryRun, stored, count(rows, Status.ADDED), count(rows, Status.CHANGED),
                count(rows, Status.REMOVED), count(rows, Status.UNCHANGED), rows);
    }

    private static int count(List<Row> rows, Status status) {
        return (int) rows.stream().filter(row -> row.status() == status).count();
    }
}
