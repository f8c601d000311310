package io.rectification.reporting.todo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What GET /todos answers. */
public final class TodoViews {

    private TodoViews() {
    }

    @Schema(requiredProperties = {"kind", "label", "daysLeft", "link", "reasons"}, description = "One 待办: one a task, naming"
            + " every reason it needs the reader for (reasons, the most urgent first); kind, label, dueDate and daysLeft are"
            + " its most urgent reason's, the first. A task's: taskId, its number, label, problem source and title, unit;"
            + " a feedback's: only its id, category, channel, time received and reply deadline (never who sent it or what they"
            + " wrote); a problem's:"
            + " problemId and title, no date; a meeting decision about no task: its text as title.")
    public record TodoItem(
            @Schema(description = "the kind of its most urgent reason (reasons[0])") TodoKind kind,
            @Schema(description = "that kind in Chinese, e.g. 任务已逾期") String label,
            UUID inspectionId,
            UUID taskId,
            Integer taskNumber,
            @Schema(description = "the task's numbering in the plan, e.g. （一）3.二是 (area, problem, task); null when not known")
            String taskLabel,
            @Schema(description = "the source of the task's problem: PLAN, the inspection's finding (巡视反馈), or ANALOGY, SELF_FOUND,"
                    + " LOOK_BACK, FEEDBACK; null for a to-do about no task, and while the problem is not known here (named as a"
                    + " finding). A task of a problem not of the findings is named with its source before its numbering, e.g."
                    + " 群众反映任务（三）5.一是: tasks-service numbers every problem of an area in one sequence, whatever its source",
                    example = "FEEDBACK")
            String taskSource,
            UUID feedbackId,
            @Schema(description = "the problem a PROBLEM_WITHOUT_MEASURES to-do is about (it has no task yet)") UUID problemId,
            @Schema(description = "task title (a meeting decision's text when it is about no task known here), the problem's for"
                    + " PROBLEM_WITHOUT_MEASURES, or for feedback its category, channel and when it came, 群众反映（举报）· 来信 ·"
                    + " 2026年12月3日收到 (with the time when known: 2026年12月3日 14:05收到); the events carry no tracking code")
            String title,
            String responsibleUnit,
            @Schema(description = "the earliest date of its reasons (its most urgent reason's)") LocalDate dueDate,
            @Schema(description = "days from asOf to dueDate; negative: that many days overdue") long daysLeft,
            @Schema(description = "where the console shows it, e.g. /console/tasks/{taskId}, /console/feedback/{feedbackId} (意见建议 办理)"
                    + " or, for a problem without measures, its inspection's plan /console/inspections/{inspectionId}/plan") String link,
            @Schema(description = "why it needs the reader, each reason once, the most urgent first: the earliest dueDate, then the"
                    + " kinds' order (TodoKind); a task's to-dos of every kind the reader sees are reasons of its one entry")
            List<TodoReason> reasons) {

        /** A to-do of one reason, before the reasons of its task are gathered ({@link OneEntryPerTask}). */
        static TodoItem of(TodoReason reason, UUID inspectionId, UUID taskId, Integer taskNumber, String taskLabel,
                           String taskSource, UUID feedbackId, UUID problemId, String title, String responsibleUnit, String link) {
            return new TodoItem(reason.kind(), reason.label(), inspectionId, taskId, taskNumber, taskLabel, taskSource,
                    feedbackId, problemId, title, responsibleUnit, reason.dueDate(), reason.daysLeft(), link, List.of(reason));
        }

        /** The same to-do with these reasons, headed by the first. */
        public TodoItem withReasons(List<TodoReason> all) {
            TodoReason first = all.get(0);
            return new TodoItem(first.kind(), first.label(), inspectionId, taskId, taskNumber, taskLabel, taskSource,
                    feedbackId, problemId, title, responsibleUnit, first.dueDate(), first.daysLeft(), link, List.copyOf(all));
        }
    }

    @Schema(requiredProperties = {"kind", "label", "daysLeft"}, description = "One reason a to-do needs the reader, in its own"
            + " words: what it is (kind, label), by when (dueDate, daysLeft), what the decision it answers said (note), which"
            + " stage goal (stageGoal).")
    public record TodoReason(
            TodoKind kind,
            @Schema(description = "the kind in Chinese, e.g. 销号申请被驳回") String label,
            @Schema(description = "the date this reason is due: the task's deadline (also of a TASK_REOPENED, a CLAIM_REJECTED and a"
                    + " DEADLINE_EXTENSION_REQUESTED), the stage goal's, the report expected, the look-back, the decision or the"
                    + " reply due; null for PROBLEM_WITHOUT_MEASURES") LocalDate dueDate,
            @Schema(description = "days from asOf to dueDate; negative: that many days overdue") long daysLeft,
            @Schema(description = "what the decision the reason answers said, as written: the look-back's reason of a TASK_REOPENED,"
                    + " the supervisor's reason of a CLAIM_REJECTED; the date asked for and the unit's reason of a"
                    + " DEADLINE_EXTENSION_REQUESTED (申请延至2027年3月31日：…); the decision's text of a MEETING_DECISION_* about a"
                    + " task known here (the to-do's title is then the task's); null for the other kinds")
            String note,
            @Schema(description = "the title of the stage goal (阶段目标) a STAGE_GOAL_DUE or STAGE_GOAL_OVERDUE is about, whose due"
                    + " date is dueDate; null for the other kinds")
            String stageGoal) {

        static TodoReason of(TodoKind kind, LocalDate due, LocalDate today, String note, String stageGoal) {
            return new TodoReason(kind, kind.label(), due, due == null ? 0 : ChronoUnit.DAYS.between(today, due),
                    note, stageGoal);
        }
    }

    @Schema(requiredProperties = {"person", "asOf", "dueSoonDays", "count", "byKind", "items"})
    public record TodoList(
            String person,
            LocalDate asOf,
            int dueSoonDays,
            @Schema(description = "the number of to-dos (entries: one a task)") int count,
            @Schema(description = "the reasons of each kind, over all entries") Map<TodoKind, Integer> byKind,
            @Schema(description = "most urgent first: earliest dueDate, then the kinds' order") List<TodoItem> items) {
    }
}
