package io.rectification.reporting.support;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which tasks, problems and areas stand: those the office has not cancelled (撤销, entered by mistake;
 * events 1.2.0). The one rule every figure counts by, beside the one of "closed" (platform
 * {@code contract.TaskStates}) and the one of the inspection's findings ({@link InspectionFindings}):
 * a cancelled one keeps its row and its state, and counts in no figure, list, to-do or notice; only a
 * read by its id still shows it, with its {@code cancelledAt}.
 *
 * <p>The read models hold it as {@code cancelled_at} (rm_task, rm_problem, rm_area: V30), the snapshots
 * kept as history as {@code cancelledAt}. rm_task_tally counts standing tasks only (V30's trigger), so
 * the summary needs no condition of its own.
 */
public final class Standing {

    private Standing() {
    }

    /**
     * The SQL condition "the row {@code alias} (a table or its alias: {@code t}, {@code rm_task}) stands".
     * Over a LEFT JOIN's missing row it holds too: no row is nothing cancelled.
     */
    public static String sql(String alias) {
        return alias + ".cancelled_at IS NULL";
    }

    /** Whether a snapshot as the read models keep it (task, problem or area) stands. */
    public static boolean stands(JsonNode snapshot) {
        return Json.text(snapshot, "cancelledAt") == null;
    }
}
