package io.rectification.reporting.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectification.reporting.support.Json;

/**
 * The totals an inspection's feedback states (the notice's "6个方面46项具体问题", the plan's
 * declaredAreas/Problems/Tasks), each null where none is declared. The report and the progress page
 * both read them here, so both say the same thing while the ledger holds fewer.
 */
public record DeclaredTotals(Integer areas, Integer problems, Integer tasks) {

    public static final DeclaredTotals NONE = new DeclaredTotals(null, null, null);

    /** From the inspection's read-model data (its last event). */
    public static DeclaredTotals of(JsonNode inspection) {
        return new DeclaredTotals(Json.integer(inspection, "declaredAreas"),
                Json.integer(inspection, "declaredProblems"), Json.integer(inspection, "declaredTasks"));
    }
}
