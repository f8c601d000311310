package io.rectification.tasks.plan;

import java.util.List;
import java.util.UUID;

/** What a spreadsheet import (CSV or XLSX task breakdown table) created: the tasks, in the table's order. */
public record SpreadsheetImportResult(UUID inspectionId, int taskCount, List<UUID> tasks) {
}
