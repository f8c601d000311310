package io.rectification.reporting.todo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What GET /todos answers. */
public final class TodoViews {

    private TodoViews() {
    }

    @Schema(requiredProperties = {"kind", "label", "daysLeft", "link"}, description = "One 待办. A task's: taskId, its number, label, problem source and title, unit and deadline"
            + " (a stage goal's: the goal's title in stageGoal and its due date); a feedback's: only its id, "
            + "category and reply deadline (never who sent it or what they wrote); a problem's: problemId and title, no date.")
    public record TodoItem(
            TodoKind kind,
            @Schema(description = "the kind in Chinese, e.g. 任务已逾期") String label,
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
            @Schema(description = "task title, the problem's for PROBLEM_WITHOUT_MEASURES, or 群众反映(category) for feedback") String title,
            String responsibleUnit,
            @Schema(description = "the date the to-do is due: the task's deadline (also of a TASK_REOPENED and a CLAIM_REJECTED),"
                    + " the stage goal's, report expected, look-back or reply due") LocalDate dueDate,
            @Schema(description = "days from asOf to dueDate; negative: that many days overdue") long daysLeft,
            @Schema(description = "where the console shows it, e.g. /console/tasks/{taskId}, /console/feedback/{feedbackId} (意见建议 办理)"
                    + " or, for a problem without measures, its inspection's plan /console/inspections/{inspectionId}/plan") String link,
            @Schema(description = "what the decision the to-do answers said, as written: the look-back's reason of a TASK_REOPENED,"
                    + " the supervisor's reason of a CLAIM_REJECTED; the date asked for and the unit's reason of a"
                    + " DEADLINE_EXTENSION_REQUESTED (申请延至2027年3月31日：…); null for the other kinds")
            String note,
            @Schema(description = "the title of the stage goal (阶段目标) a STAGE_GOAL_DUE or STAGE_GOAL_OVERDUE is about, whose due"
                    + " date is dueDate; the task it belongs to is taskId; null for the other kinds")
            String stageGoal) {
    }

    @Schema(requiredProperties = {"person", "asOf", "dueSoonDays", "count", "byKind", "items"})
    public record TodoList(
            String person,
            LocalDate asOf,
            int dueSoonDays,
            int count,
            @Schema(description = "count per kind") Map<TodoKind, Integer> byKind,
            @Schema(description = "most urgent first: earliest dueDate") List<TodoItem> items) {
    }
}
