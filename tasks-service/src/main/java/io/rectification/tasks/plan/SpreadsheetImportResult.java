package io.rectification.tasks.plan;

import io.rectification.platform.error.ErrorBody.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * What a spreadsheet import (CSV or XLSX task breakdown table) did or, in a dry run, would do: the
 * tasks created in the table's order, each row's status against the ledger (CHANGED and CONFLICT rows
 * are what an import refuses), (dry run only) the cells an import would refuse, each with its reason,
 * and the warnings: what the import read otherwise than written (numbering removed, rows read as one
 * area or problem, a CSV read as GB18030, an Excel serial day) or noticed without refusing (titles
 * resembling another row's, a 责任单位 close to a known unit).
 */
@Schema(requiredProperties = {"inspectionId", "dryRun", "taskCount", "tasks", "added", "changed", "unchanged",
        "conflicting", "rows", "conflicts", "warnings"})
public record SpreadsheetImportResult(UUID inspectionId, boolean dryRun, int taskCount, List<UUID> tasks, int added,
                                      long changed, long unchanged, long conflicting, List<RowOutcome> rows,
                                      List<FieldError> conflicts, List<FieldError> warnings) {

    /**
     * One row of the sheet ("row 3"), the titles it names (so a dry run can be read as a diff without the
     * sheet beside it) and how it compares with the ledger.
     */
    @Schema(requiredProperties = {"row", "area", "problem", "task", "status"})
    public record RowOutcome(String row, String area, String problem, String task, PlanRevision.Status status) {
    }
}
