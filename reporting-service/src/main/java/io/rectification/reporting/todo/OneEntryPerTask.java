package io.rectification.reporting.todo;

import io.rectification.reporting.todo.TodoViews.TodoItem;
import io.rectification.reporting.todo.TodoViews.TodoReason;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One 待办 a task: the to-dos the queries found about one task (overdue, a rejected claim, each stage goal,
 * a meeting decision about it…) become one entry naming every reason, the most urgent first, due by the
 * earliest. Before, a task was as many entries as it had reasons (销号申请被驳回 beside 任务已逾期), which read as
 * different work, and the digest listed it as often. A to-do about no task (a reply, a problem without
 * measures, a decision about no task) stays an entry of its own.
 */
final class OneEntryPerTask {

    /** Most urgent first: the earliest date (none last), then the kinds' order, then the words, for a stable order. */
    static final Comparator<TodoReason> URGENCY = Comparator
            .comparing(TodoReason::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TodoReason::kind)
            .thenComparing(r -> String.valueOf(r.stageGoal()))
            .thenComparing(r -> String.valueOf(r.note()));

    /** The entries in the same order, by their most urgent reason, then their title. */
    static final Comparator<TodoItem> LIST_ORDER = Comparator
            .comparing((TodoItem i) -> i.reasons().get(0), URGENCY)
            .thenComparing(i -> String.valueOf(i.title()));

    private OneEntryPerTask() {
    }

    /** {@code found}: one to-do a reason, as each query finds it. */
    static List<TodoItem> of(List<TodoItem> found) {
        List<TodoItem> entries = new ArrayList<>();
        Map<UUID, List<TodoItem>> byTask = new LinkedHashMap<>();
        for (TodoItem item : found) {
            if (item.taskId() == null) {
                entries.add(item);
            } else {
                byTask.computeIfAbsent(item.taskId(), id -> new ArrayList<>()).add(item);
            }
        }
        for (List<TodoItem> ofOne : byTask.values()) {
            List<TodoReason> reasons = ofOne.stream().flatMap(i -> i.reasons().stream()).sorted(URGENCY).toList();
            entries.add(subject(ofOne).withReasons(reasons));
        }
        entries.sort(LIST_ORDER);
        return entries;
    }

    /**
     * Whose words name the entry: a to-do of the task's own (its title and unit), before a meeting decision
     * about it, whose unit is the decision's and whose title is its text while the task is not known here.
     */
    private static TodoItem subject(List<TodoItem> ofOne) {
        return ofOne.stream().filter(i -> !TodoKind.isMeetingDecision(i.kind())).findFirst().orElse(ofOne.get(0));
    }
}
