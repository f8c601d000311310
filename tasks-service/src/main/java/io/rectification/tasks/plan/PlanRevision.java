package io.rectification.tasks.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * A plan compared with the ledger of its inspection, row by row. Rows are matched by stable keys:
 * the area's number ((一) = 1), the problem's number within the area, the task's number within the
 * problem, each its position in the plan document. {@code inspectionId} is null in a dry run of a
 * plan whose inspection is not registered yet.
 */
@Schema(requiredProperties = {"dryRun", "stored", "added", "changed", "removed", "unchanged", "conflicting", "rows"})
public record PlanRevision(UUID inspectionId, boolean dryRun, boolean stored, int added, int changed, int removed,
                           int unchanged, int conflicting, List<Row> rows) {

    /**
     * What an import does with a row. CHANGED, REMOVED and CONFLICT rows are refused (the whole import
     * is, 409): CHANGED differs in columns the office can correct in the ledger; CONFLICT cannot be
     * matched with one row of the ledger at all (its place is held by a problem of another source, or
     * its titles resemble or match more than one row), so it is neither added nor changed.
     */
    public enum Status { ADDED, CHANGED, REMOVED, UNCHANGED, CONFLICT }

    /**
     * One row: where it is in the plan document (or, when removed, where it is in the ledger), its
     * key, what became of it, the columns that differ, its id in the ledger once it has one, and for a
     * CONFLICT why it cannot be matched.
     */
    @Schema(requiredProperties = {"row", "key", "status", "changedFields"})
    public record Row(String row, String key, Status status, List<String> changedFields, UUID id, String reason) {

        Row(String row, String key, Status status, List<String> changedFields, UUID id) {
            this(row, key, status, changedFields, id, null);
        }
    }

    static PlanRevision of(UUID inspectionId, boolean dryRun, boolean stored, List<Row> rows) {
        return new PlanRevision(inspectionId, dryRun, stored, count(rows, Status.ADDED), count(rows, Status.CHANGED),
                count(rows, Status.REMOVED), count(rows, Status.UNCHANGED), count(rows, Status.CONFLICT), rows);
    }

    private static int count(List<Row> rows, Status status) {
        return (int) rows.stream().filter(row -> row.status() == status).count();
    }
}
