package io.rectification.reporting.support;

import io.rectification.platform.text.PlanNumbering;

/**
 * A task's number in the plan as the read models know it: （一）3.二是, from its area's, its problem's
 * and its own number (platform {@link PlanNumbering}, as the lists number it, with the full-width
 * brackets of Chinese running text: it is read in notices and digests). A task's own number is
 * unique only within its problem, so without its area and problem it has no label.
 */
public final class TaskLabel {

    /** Joins the area and problem of {@code rm_task t} for {@link #COLUMNS}. */
    public static final String JOIN = " LEFT JOIN rm_area a ON a.id = t.area_id LEFT JOIN rm_problem p ON p.id = t.problem_id";
    /** The three numbers {@link #of} takes, in its order. */
    public static final String COLUMNS = "a.number, p.number, t.number";

    private TaskLabel() {
    }

    /** @return null when a number is not known (an area or problem whose event has not been read here) */
    public static String of(Integer area, Integer problem, Integer task) {
        return area == null || problem == null || task == null ? null : PlanNumbering.inText(area, problem, task);
    }
}
