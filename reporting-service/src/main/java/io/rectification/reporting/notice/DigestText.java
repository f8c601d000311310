package io.rectification.reporting.notice;

import io.rectification.platform.text.ChineseDates;
import io.rectification.reporting.todo.TodoKind;
import io.rectification.reporting.todo.TodoViews.TodoItem;
import io.rectification.reporting.todo.TodoViews.TodoList;

import java.time.LocalDate;
import java.util.List;

/**
 * The words of the daily digest (每日待办摘要), addressed to the reader by name: the to-dos by kind,
 * each task named by the plan's numbering as the notices name it, with its unit, date, how soon
 * ({@link DueWords}), and the console page the 待办 list links it to. Every to-do has a page (a task, a feedback in
 * 意见建议办理, a meeting's decisions), so every line of the digest leads somewhere: the link is the
 * to-do's own ({@link TodoItem#link()}, a console path) made absolute with the console's address.
 */
final class DigestText {

    private final String consoleUrl;
    private final String consolePath;

    /**
     * @param consoleUrl  the console as a mail links to it (notices.console-url), e.g. http://host/console
     * @param consolePath the console's path the to-dos' links start with (notices.todos.console-path), e.g. /console
     */
    DigestText(String consoleUrl, String consolePath) {
        this.consoleUrl = stripSlash(consoleUrl);
        this.consolePath = stripSlash(consolePath);
    }

    static String subject(LocalDate day, TodoList list) {
        return "【每日待办】" + ChineseDates.day(day) + " 共" + list.count() + "项";
    }

    /** @param name how the reader is addressed: the directory's name ({@link io.rectification.reporting.people.Person#displayName()}) */
    String body(String name, LocalDate day, TodoList list) {
        StringBuilder text = new StringBuilder(name).append("：\n截至").append(ChineseDates.dayOfYear(day))
                .append("，您有以下待办：\n");
        for (TodoKind kind : TodoKind.values()) {
            List<TodoItem> items = list.items().stream().filter(i -> i.kind() == kind).toList();
            if (items.isEmpty()) {
                continue;
            }
            text.append("\n").append(kind.label()).append("（").append(items.size()).append("项）\n");
            for (TodoItem item : items) {
                text.append("  · ").append(what(item));
                String when = when(item);
                if (!when.isEmpty()) {
                    text.append(" ").append(when);
                }
                if (item.feedbackId() != null) {
                    text.append(" 反映编号 ").append(item.feedbackId());
                }
                if (item.note() != null && !item.note().isBlank()) {
                    // what the decision said (a look-back's reason for 再整改), as in the mail at the time
                    text.append("\n    理由：").append(item.note());
                }
                String address = address(item.link());
                if (address != null) {
                    text.append("\n    ").append(address);
                }
                text.append("\n");
            }
        }
        text.append("\n工作台待办：").append(consoleUrl).append("/todos").append(NoticeTexts.FOOTER);
        return text.toString();
    }

    /** The to-do's console path as an address a mail reader can open. */
    String address(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String path = !consolePath.isEmpty() && link.startsWith(consolePath + "/") ? link.substring(consolePath.length()) : link;
        return consoleUrl + (path.startsWith("/") ? path : "/" + path);
    }

    /**
     * A task's to-do names the task as a notice does ({@link TaskReference}); a meeting decision is its
     * own text, with the task it is about, and a stage goal is the goal, with its task named in full; then
     * the unit.
     */
    private static String what(TodoItem item) {
        boolean decision = item.kind() == TodoKind.MEETING_DECISION_DUE || item.kind() == TodoKind.MEETING_DECISION_OVERDUE;
        boolean goal = item.stageGoal() != null;
        String about = decision ? (item.title() == null ? "" : item.title())
                : goal ? "阶段目标“" + item.stageGoal() + "”"
                : item.taskId() != null ? TaskReference.of(item).heading(item.title())
                : item.title() == null ? "" : item.title();
        String task = decision ? TaskReference.of(item).name() : goal ? TaskReference.of(item).heading(item.title()) : null;
        String unit = item.responsibleUnit();
        String context = task == null ? unit : unit == null ? task : task + "；" + unit;
        return context == null ? about : about + "（" + context + "）";
    }

    private static String when(TodoItem item) {
        return item.dueDate() == null ? "" : ChineseDates.day(item.dueDate()) + " " + DueWords.of(item.daysLeft());
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
