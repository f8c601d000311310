package io.rectification.reporting.notice;

import io.rectification.platform.text.ChineseDates;
import io.rectification.reporting.todo.TodoKind;
import io.rectification.reporting.todo.TodoViews.TodoItem;
import io.rectification.reporting.todo.TodoViews.TodoList;
import io.rectification.reporting.todo.TodoViews.TodoReason;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The words of the daily digest (每日待办摘要), addressed to the reader by name: the to-dos by the kind of
 * their most urgent reason, each once with its other reasons below it (另：…), each task named by the plan's
 * numbering as the notices name it, a feedback as the 待办 list does (its category, channel and when it came:
 * the events carry no tracking code, and a UUID told the reader nothing), with its unit, date, how soon
 * ({@link DueWords}), and the console page the 待办 list links it to. Every to-do has a page (a task, a feedback in
 * 意见建议办理, a meeting's decisions), so every line of the digest leads somewhere: the link is the
 * to-do's own ({@link TodoItem#link()}, a console path) made absolute with the console's address.
 *
 * <p>When the reader's to-dos are of several inspections (two 巡视 rectified at once), each line starts with
 * its inspection's mark as the notices' subjects carry it ({@link NoticeTexts#inspectionMark}): the lines stay
 * ordered by urgency under their kind, and （三）2.一是 of one inspection is not taken for another's. To-dos of
 * one inspection only carry no mark: the reader knows which.
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

    /**
     * @param name        how the reader is addressed: the directory's name ({@link io.rectification.reporting.people.Person#displayName()})
     * @param inspections the inspections' titles by id as the read models hold them (one missing: its lines carry no mark)
     */
    String body(String name, LocalDate day, TodoList list, Map<UUID, String> inspections) {
        boolean several = list.items().stream().map(TodoItem::inspectionId).filter(Objects::nonNull).distinct().count() > 1;
        StringBuilder text = new StringBuilder(name).append("：\n截至").append(ChineseDates.dayOfYear(day))
                .append("，您有以下待办：\n");
        // each to-do once, under its most urgent reason's kind (GET /todos: one a task)
        for (TodoKind kind : TodoKind.values()) {
            List<TodoItem> items = list.items().stream().filter(i -> i.kind() == kind).toList();
            if (items.isEmpty()) {
                continue;
            }
            text.append("\n").append(kind.label()).append("（").append(items.size()).append("项）\n");
            for (TodoItem item : items) {
                TodoReason lead = item.reasons().get(0);
                text.append("  · ");
                if (several && item.inspectionId() != null) {
                    text.append(NoticeTexts.inspectionMark(inspections.get(item.inspectionId())));
                }
                text.append(what(item, lead));
                String when = when(lead);
                if (!when.isEmpty()) {
                    text.append(" ").append(when);
                }
                if (reasonNote(lead) != null) {
                    // what the decision said (a look-back's reason for 再整改), as in the mail at the time
                    text.append("\n    理由：").append(lead.note());
                }
                for (TodoReason other : item.reasons().subList(1, item.reasons().size())) {
                    text.append("\n    另：").append(also(other, lead.dueDate()));
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
     * own text (its reason's, or the to-do's title when it is about no task known here), with the task it is
     * about, and a stage goal is the goal, with its task named in full; then the unit.
     */
    private static String what(TodoItem item, TodoReason lead) {
        boolean decision = TodoKind.isMeetingDecision(lead.kind());
        boolean goal = lead.stageGoal() != null;
        String about = decision ? text(lead.note() != null ? lead.note() : item.title())
                : goal ? "阶段目标“" + lead.stageGoal() + "”"
                : item.taskId() != null ? TaskReference.of(item).heading(item.title())
                : text(item.title());
        String task = decision ? TaskReference.of(item).name() : goal ? TaskReference.of(item).heading(item.title()) : null;
        String unit = item.responsibleUnit();
        String context = task == null ? unit : unit == null ? task : task + "；" + unit;
        return context == null ? about : about + "（" + context + "）";
    }

    /**
     * Another reason of the same to-do, in its own words: 阶段目标临近时限：“建立长效机制” 2026年12月5日 还有3天,
     * 销号申请被驳回，理由：…; its date only where it is not the line's.
     */
    private static String also(TodoReason reason, LocalDate lineDate) {
        StringBuilder words = new StringBuilder(reason.label());
        if (reason.stageGoal() != null) {
            words.append("：“").append(reason.stageGoal()).append("”");
        } else if (TodoKind.isMeetingDecision(reason.kind()) && reason.note() != null) {
            words.append("：").append(reason.note());
        }
        if (reason.dueDate() != null && !reason.dueDate().equals(lineDate)) {
            words.append(" ").append(when(reason));
        }
        if (reasonNote(reason) != null) {
            words.append("，理由：").append(reason.note());
        }
        return words.toString();
    }

    /** The reason's note when it is a decision's reason (再整改, 驳回, 延期申请), not a meeting decision's own text. */
    private static String reasonNote(TodoReason reason) {
        return TodoKind.isMeetingDecision(reason.kind()) || reason.note() == null || reason.note().isBlank() ? null : reason.note();
    }

    private static String when(TodoReason reason) {
        return reason.dueDate() == null ? "" : ChineseDates.day(reason.dueDate()) + " " + DueWords.of(reason.daysLeft());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
