package io.rectification.reporting.notice;

import io.rectification.platform.text.StaffWords;
import io.rectification.reporting.support.InspectionFindings;
import io.rectification.reporting.todo.TodoViews.TodoItem;

/**
 * How every notice and digest line names a task: by the plan's numbering (任务（一）3.二是：title), so a
 * reader knows which one without opening the system. A task whose area or problem is not known here
 * has only its own number (任务3), which is better than none.
 *
 * <p>A task of a problem that is not one of the inspection's findings ({@link InspectionFindings}: 群众反映,
 * 举一反三, 自查发现, 回头看) says its source before the numbering, 群众反映任务（三）5.一是: tasks-service numbers
 * every problem of an area in one sequence, so its （三）5. is no finding of the inspection's notice. The
 * console's lists, plan tree and 待办 say it the same way (console problemSources.ts sourcedLabel).
 *
 * @param label  the plan's numbering, （一）3.二是 ({@link io.rectification.reporting.support.TaskLabel}); null when not known
 * @param number the task's own number, for when the label is not known
 * @param source the task's problem's source code (PLAN, FEEDBACK, …); null for a finding or when not known
 */
record TaskReference(String label, Integer number, String source) {

    /** The task a notice is about, as its cause's facts recorded it. */
    static TaskReference of(NoticeFacts facts) {
        return new TaskReference(facts.label(), facts.number(), facts.taskSource());
    }

    /** The task a to-do is about (its own, or the one a meeting decision is about). */
    static TaskReference of(TodoItem item) {
        return new TaskReference(item.taskLabel(), item.taskNumber(), item.taskSource());
    }

    /** 任务（一）3.二是：title, 群众反映任务（三）5.一是：title — a subject, a digest line. */
    String heading(String title) {
        String task = name();
        return task == null ? text(title) : task + "：" + text(title);
    }

    /**
     * 任务（一）3.二是, 群众反映任务（三）5.一是 — what another thing (a meeting decision) is about; null when the
     * task has no number.
     */
    String name() {
        String numbering = numbering();
        return numbering == null ? null : sourceWord() + "任务" + numbering;
    }

    /** （一）3.二是 title, 群众反映（三）5.一是 title — after a 任务： of its own. */
    String named(String title) {
        String numbering = numbering();
        return numbering == null ? text(title) : sourceWord() + numbering + " " + text(title);
    }

    private String numbering() {
        if (label != null && !label.isBlank()) {
            return label;
        }
        return number == null ? null : number.toString();
    }

    /** Nothing for a finding; 群众反映 for a problem of that source (a code without words: the code, as the console). */
    private String sourceWord() {
        return InspectionFindings.isFinding(source) ? "" : StaffWords.SOURCE.getOrDefault(source, source);
    }

    private static String text(String title) {
        return title == null ? "" : title;
    }
}
