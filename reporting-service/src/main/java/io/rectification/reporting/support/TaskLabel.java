package io.rectification.reporting.support;

import io.rectification.platform.text.PlanNumbering;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A task's number in the plan as the read models know it: （一）3.二是, from its area's, its problem's
 * and its own number (platform {@link PlanNumbering}, as the lists number it, with the full-width
 * brackets of Chinese running text: it is read in notices and digests). A task's own number is
 * unique only within its problem, so without its area and problem it has no label.
 *
 * <p>tasks-service numbers every problem of an area in one sequence, whatever its source, so the label
 * of a task of a problem that is not one of the inspection's findings (群众反映 and the others:
 * {@link InspectionFindings}) says a number the inspection's notice does not have. Whoever names such a
 * task says its source beside the label (notice/TaskReference, the console's 待办): {@link #COLUMNS}
 * carry it.
 */
public final class TaskLabel {

    /** Joins the area and problem of {@code rm_task t} for {@link #COLUMNS}. */
    public static final String JOIN = " LEFT JOIN rm_area a ON a.id = t.area_id LEFT JOIN rm_problem p ON p.id = t.problem_id";
    /**
     * The three numbers {@link #of(ResultSet, int)} reads, in its order, then the problem's source
     * {@link #source(ResultSet, int)} reads (null: a finding, or a problem not read here yet).
     */
    public static final String COLUMNS = "a.number, p.number, t.number, t.problem_source";
    /** How many columns {@link #COLUMNS} takes: what a query selects after them starts this many further on. */
    public static final int WIDTH = 4;

    private TaskLabel() {
    }

    /** @return null when a number is not known (an area or problem whose event has not been read here) */
    public static String of(Integer area, Integer problem, Integer task) {
        return area == null || problem == null || task == null ? null : PlanNumbering.inText(area, problem, task);
    }

    /** The label from {@link #COLUMNS} selected from column {@code first} on. */
    public static String of(ResultSet row, int first) throws SQLException {
        return of((Integer) row.getObject(first), (Integer) row.getObject(first + 1), (Integer) row.getObject(first + 2));
    }

    /** The problem source code (PLAN, FEEDBACK, …) from {@link #COLUMNS} selected from column {@code first} on. */
    public static String source(ResultSet row, int first) throws SQLException {
        return row.getString(first + 3);
    }
}
