package io.rectification.tasks.plan;

import io.rectification.tasks.task.TaskInput;

/**
 * One task of the breakdown table as read from its row ({@code line}, the spreadsheet's row number):
 * the titles of its area and problem, numbering removed ({@link PlanTitles}), and the task.
 */
record PlanRow(long line, String area, String problem, TaskInput task) {

    /** "row 12": how errors and warnings name the row (with ".列名" for a cell). */
    String where() {
        return "row " + line;
    }

    PlanRow withTitles(String area, String problem) {
        return new PlanRow(line, area, problem, task);
    }
}
