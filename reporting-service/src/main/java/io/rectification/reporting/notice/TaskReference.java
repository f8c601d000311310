package io.rectification.reporting.notice;

/**
 * How every notice and digest line names a task: by the plan's numbering (任务（一）3.二是：title), so a
 * reader knows which one without opening the system. A task whose area or problem is not known here
 * has only its own number (任务3), which is better than none.
 */
final class TaskReference {

    private TaskReference() {
    }

    /** 任务（一）3.二是：title — a subject, a digest line. */
    static String of(String label, Object number, String title) {
        String task = task(label, number);
        return task == null ? text(title) : task + "：" + text(title);
    }

    /** 任务（一）3.二是 — what another thing (a meeting decision) is about; null when the task has no number. */
    static String task(String label, Object number) {
        String numbering = numbering(label, number);
        return numbering == null ? null : "任务" + numbering;
    }

    /** （一）3.二是 title — after a 任务： of its own. */
    static String named(String label, Object number, String title) {
        String numbering = numbering(label, number);
        return numbering == null ? text(title) : numbering + " " + text(title);
    }

    private static String numbering(String label, Object number) {
        if (label != null && !label.isBlank()) {
            return label;
        }
        return number == null || number.toString().isBlank() ? null : number.toString();
    }

    private static String text(String title) {
        return title == null ? "" : title;
    }
}
