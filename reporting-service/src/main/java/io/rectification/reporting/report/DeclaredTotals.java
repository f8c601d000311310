package io.rectification.reporting.report;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.TasksEvent;

/**
 * The totals an inspection's feedback states (the notice's "6个方面46项具体问题", the plan's
 * declaredAreas/Problems/Tasks), each null where none is declared. The report and the progress page
 * both read them here, so both say the same thing while the ledger holds fewer.
 */
public record DeclaredTotals(Integer areas, Integer problems, Integer tasks) {

    public static final DeclaredTotals NONE = new DeclaredTotals(null, null, null);

    /** From the inspection's read-model data (its last event's snapshot, as stored); NONE without one. */
    public static DeclaredTotals ofStored(String inspectionData) {
        TasksEvent.InspectionSnapshot inspection = EventContract.fromJson(inspectionData, TasksEvent.InspectionSnapshot.class);
        if (inspection == null) {
            return NONE;
        }
        return new DeclaredTotals(inspection.declaredAreas(), inspection.declaredProblems(), inspection.declaredTasks());
    }
}
