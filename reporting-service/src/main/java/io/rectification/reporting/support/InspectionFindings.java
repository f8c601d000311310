package io.rectification.reporting.support;

import io.rectification.platform.contract.TasksEvent;

/**
 * Which problems are the inspection's own findings (巡视反馈: problem source PLAN), the one rule the
 * report's section 二, the public progress page and the staff dashboards count by. A problem without
 * a source predates the field, when every problem came from the plan. Problems from the other sources
 * (举一反三 ANALOGY, 自查 SELF_FOUND, 回头看 LOOK_BACK, 群众反映 FEEDBACK) are real work, counted beside
 * the findings and never in their figures.
 */
public final class InspectionFindings {

    /** The source of an inspection finding, as the event contract names it. */
    public static final String SOURCE = TasksEvent.ProblemSnapshot.INSPECTION_FINDING;

    private InspectionFindings() {
    }

    public static boolean isFinding(String source) {
        return source == null || SOURCE.equals(source);
    }

    /** The source a problem-source {@code column} stands for in SQL: PLAN where it holds none. */
    public static String sourceSql(String column) {
        return "coalesce(" + column + ", '" + SOURCE + "')";
    }

    /** The SQL condition "{@code column} is an inspection finding's source". */
    public static String findingSql(String column) {
        return sourceSql(column) + " = '" + SOURCE + "'";
    }
}
