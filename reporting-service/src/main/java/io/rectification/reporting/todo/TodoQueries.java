package io.rectification.reporting.todo;

import io.rectification.platform.contract.TaskStates;
import io.rectification.platform.text.ChineseDates;
import io.rectification.reporting.support.ReportDueRule;
import io.rectification.reporting.support.Sql;
import io.rectification.reporting.support.Standing;
import io.rectification.reporting.support.TaskLabel;
import io.rectification.reporting.todo.TodoViews.TodoItem;
import io.rectification.reporting.todo.TodoViews.TodoList;
import io.rectification.reporting.todo.TodoViews.TodoReason;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 待办 computed from the read models the events built (rm_task, rm_feedback), as of a moment in the
 * organisation's zone: what needs this person now. Asked, not stored, so a to-do disappears the
 * moment the event that settles it (a report, a verification, an answer) has been applied. Each query
 * finds one reason; a task's reasons are then one to-do ({@link OneEntryPerTask}).
 */
@ApplicationScoped
public class TodoQueries {

    /**
     * The deadline still runs against the unit: neither closed out nor waiting for the supervisor (the
     * platform's one rule of overdue, which the dashboards, notices and progress page follow too).
     */
    private static final String DEADLINE_RUNS = TaskStates.deadlineRunsSql("t.state");
    /**
     * Feedback still owed an answer: feedback-service's rule (its reply-deadline job), so escalated
     * feedback, whose escalation was refused or not, is still answered to the public.
     */
    private static final String OWED_A_REPLY = "('RECEIVED', 'TRIAGED', 'ESCALATED', 'ESCALATION_REFUSED')";
    /** Then the task's date (6), then its label's columns from {@link #LABEL} on. */
    private static final String TASK_COLUMNS = "t.id, t.inspection_id, t.number, t.title, t.responsible_unit";
    /** The first of {@link TaskLabel#COLUMNS} in every query of a task's (or a decision's) to-do. */
    private static final int LABEL = 7;
    /** When the task's latest reopening and rejected claim were decided, as SQL over {@code rm_task t}. */
    private static final String REOPENED_AT = "CAST(t.data->'lastReopen'->>'at' AS timestamptz)";
    private static final String REJECTED_AT = "CAST(t.data->'lastRejection'->>'at' AS timestamptz)";
    /** A cancelled task (撤销) is due nothing: in no to-do, nor in the digest that lists them. */
    private static final String STANDING = Standing.sql("t");
    private static final String LABELLED = ", " + TaskLabel.COLUMNS + " FROM rm_task t" + TaskLabel.JOIN;

    private final Sql sql;
    private final Clock clock;
    private final TodoConfig config;
    private final ZoneId zone;

    public TodoQueries(Sql sql, Clock clock, TodoConfig config,
                       io.rectification.reporting.support.ReportingConfig reporting) {
        this.sql = sql;
        this.clock = clock;
        this.config = config;
        this.zone = reporting.zone();
    }

    public TodoList forViewer(Viewer viewer) {
        return forViewer(viewer, OffsetDateTime.now(clock.withZone(zone)));
    }

    public TodoList forViewer(Viewer viewer, OffsetDateTime now) {
        LocalDate today = ReportDueRule.day(now.toInstant(), zone);
        LocalDate horizon = today.plusDays(config.dueSoonDays());
        List<TodoItem> items = new ArrayList<>();
        if (viewer.officerOfUnit()) {
            unitTasks(viewer.unit(), today, horizon, items);
            missingReports(viewer.unit(), today, items);
            reopened(viewer.unit(), today, items);
            rejectedClaims(viewer.unit(), today, items);
            stageGoals(viewer.unit(), today, horizon, items);
            meetingDecisions(viewer.unit(), today, horizon, items);
        }
        if (viewer.draftsMeasures()) {
            problemsWithoutMeasures(items);
        }
        if (viewer.verifies()) {
            claims(today, items);
            lookBacks(today, horizon, items);
        }
        if (viewer.answersFeedback()) {
            replies(today, horizon, items);
        }
        if (viewer.decidesDeadlines()) {
            extensionRequests(today, items);
        }
        List<TodoItem> entries = OneEntryPerTask.of(items);
        Map<TodoKind, Integer> byKind = new EnumMap<>(TodoKind.class);
        entries.forEach(e -> e.reasons().forEach(r -> byKind.merge(r.kind(), 1, Integer::sum)));
        return new TodoList(viewer.username(), today, config.dueSoonDays(), entries.size(), byKind, entries);
    }

    private void unitTasks(String unit, LocalDate today, LocalDate horizon, List<TodoItem> items) {
        items.addAll(sql.query("SELECT " + TASK_COLUMNS + ", t.deadline" + LABELLED
                        + " WHERE t.responsible_unit = ? AND t.deadline <= ?"
                        + " AND " + DEADLINE_RUNS + " AND " + STANDING,
                row -> {
                    LocalDate deadline = row.getObject(6, LocalDate.class);
                    return task(deadline.isBefore(today) ? TodoKind.TASK_OVERDUE : TodoKind.TASK_DUE_SOON, row,
                            deadline, today);
                }, unit, horizon));
    }

    /**
     * A task being worked on (the rule's owing states) whose next progress report (日报告, 周调度, 月推进) is
     * due today (PROGRESS_REPORT_DUE, 今日应报送) or was due before and did not come (PROGRESS_REPORT_MISSING,
     * 未按期报送): {@link ReportDueRule}, the dashboard's and the task's reading, today in the organisation's
     * zone, as a deadline is due today and overdue from tomorrow.
     */
    private void missingReports(String unit, LocalDate today, List<TodoItem> items) {
        items.addAll(sql.query("SELECT " + TASK_COLUMNS + ", t.report_due_on" + LABELLED
                        + " WHERE t.responsible_unit = ? AND " + ReportDueRule.dueByEndOfSql("t") + " AND " + STANDING,
                row -> {
                    LocalDate due = row.getObject(6, LocalDate.class);
                    return task(ReportDueRule.missing(due, today) ? TodoKind.PROGRESS_REPORT_MISSING
                            : TodoKind.PROGRESS_REPORT_DUE, row, due, today);
                }, unit, today));
    }

    /**
     * A close-out a look-back review reopened (再整改) that its unit has not taken up yet: the unit is to
     * work on it again, as the reviewer's reason says, and tells so by a progress report (or a new claim,
     * which leaves the state); until then it is a to-do, due by the task's deadline (the date the work is
     * due, not the day of the reopening, which read 今日到期 on the day itself). The reason is the to-do's
     * note, as the mail says it.
     */
    private void reopened(String unit, LocalDate today, List<TodoItem> items) {
        items.addAll(sql.query("SELECT " + TASK_COLUMNS + ", t.deadline, "
                        + TaskLabel.COLUMNS + ", t.data->'lastReopen'->>'reason' FROM rm_task t" + TaskLabel.JOIN
                        + " WHERE t.responsible_unit = ? AND t.state = 'REOPENED' AND t.data->'lastReopen'->>'at' IS NOT NULL"
                        + " AND " + notTakenUpSince(REOPENED_AT) + " AND " + STANDING,
                row -> task(TodoKind.TASK_REOPENED, row, row.getObject(6, LocalDate.class), today,
                        row.getString(LABEL + TaskLabel.WIDTH)), unit)); // the reason, after the label's columns
    }

    /**
     * A claim a supervisor rejected (销号申请被驳回) that its unit has not answered yet: a rejection sends the
     * task back to be worked on with the supervisor's reason, and until the unit reports progress after it
     * or claims again it is a to-do, due by the task's deadline, with the reason as its note. A new claim
     * leaves the states owing reports while it waits (and for good once verified); a claim withdrawn since,
     * or a close-out reopened since, is a later step than the rejection, so a rejection older than either
     * asks nothing more (the reopening is a to-do of its own).
     */
    private void rejectedClaims(String unit, LocalDate today, List<TodoItem> items) {
        items.addAll(sql.query("SELECT " + TASK_COLUMNS + ", t.deadline, "
                        + TaskLabel.COLUMNS + ", t.data->'lastRejection'->>'reason' FROM rm_task t" + TaskLabel.JOIN
                        + " WHERE t.responsible_unit = ? AND " + TaskStates.owesReportsSql("t.state")
                        + " AND t.data->'lastRejection'->>'at' IS NOT NULL"
                        + " AND " + notTakenUpSince(REJECTED_AT)
                        + " AND " + notLater("lastWithdrawal", REJECTED_AT) + " AND " + notLater("lastReopen", REJECTED_AT)
                        + " AND " + STANDING,
                row -> task(TodoKind.CLAIM_REJECTED, row, row.getObject(6, LocalDate.class), today,
                        row.getString(LABEL + TaskLabel.WIDTH)), unit)); // the reason, after the label's columns
    }

    /**
     * 阶段目标 of the unit's tasks not achieved, due within the horizon or overdue, while the task's goals are
     * followed (platform {@link TaskStates#goalsFollowedSql}: not while it is claimed, nor once closed out
     * for good; a consolidating task still owes the goals due later). Named by the goal (stageGoal) and
     * its task, due on the goal's date.
     */
    private void stageGoals(String unit, LocalDate today, LocalDate horizon, List<TodoItem> items) {
        items.addAll(sql.query("SELECT " + TASK_COLUMNS + ", CAST(g.goal->>'dueDate' AS date), " + TaskLabel.COLUMNS
                        + ", g.goal->>'title' FROM rm_task t" + TaskLabel.JOIN
                        + " CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(t.data->'milestones') WHEN 'array'"
                        + " THEN t.data->'milestones' ELSE '[]' END) AS g(goal)"
                        + " WHERE t.responsible_unit = ? AND " + TaskStates.goalsFollowedSql("t.state")
                        + " AND g.goal->>'dueDate' IS NOT NULL AND g.goal->>'achievedAt' IS NULL"
                        + " AND CAST(g.goal->>'dueDate' AS date) <= ? AND " + STANDING,
                row -> {
                    LocalDate due = row.getObject(6, LocalDate.class);
                    TodoKind kind = due.isBefore(today) ? TodoKind.STAGE_GOAL_OVERDUE : TodoKind.STAGE_GOAL_DUE;
                    return task(kind, row, due, today, null, row.getString(LABEL + TaskLabel.WIDTH));
                }, unit, horizon));
    }

    /** SQL: no progress report since {@code since} (an SQL instant). */
    private static String notTakenUpSince(String since) {
        return "(t.last_progress_report_at IS NULL OR t.last_progress_report_at < " + since + ")";
    }

    /** SQL: the task's decision {@code member} (lastWithdrawal, lastReopen) is absent or earlier than {@code than}. */
    private static String notLater(String member, String than) {
        return "(t.data->'" + member + "'->>'at' IS NULL OR CAST(t.data->'" + member + "'->>'at' AS timestamptz) < " + than + ")";
    }

    /**
     * 制定整改措施: a problem with no task yet, such as one an escalated public complaint or a look-back
     * (再深挖) registered, is the office's to break down into measures; the report prints it as
     * 「（正在研究制定整改措施）」 meanwhile. Gone once its first task has been read here. No date: the
     * office sets the measures' deadlines.
     */
    private void problemsWithoutMeasures(List<TodoItem> items) {
        items.addAll(sql.query("SELECT p.id, p.inspection_id, p.title FROM rm_problem p WHERE " + Standing.sql("p")
                        + " AND NOT EXISTS (SELECT 1 FROM rm_task t WHERE t.problem_id = p.id AND " + STANDING + ")",
                row -> {
                    UUID inspectionId = row.getObject(2, UUID.class);
                    return TodoItem.of(TodoReason.of(TodoKind.PROBLEM_WITHOUT_MEASURES, null, null, null, null),
                            inspectionId, null, null, null, null, null, row.getObject(1, UUID.class), row.getString(3), null,
                            config.consolePath() + "/inspections/" + inspectionId + "/plan");
                }));
    }

    private void claims(LocalDate today, List<TodoItem> items) {
        items.addAll(sql.query("SELECT " + TASK_COLUMNS + ", t.deadline" + LABELLED + " WHERE t.state = 'COMPLETION_CLAIMED'"
                        + " AND " + STANDING,
                row -> task(TodoKind.CLAIM_TO_VERIFY, row, row.getObject(6, LocalDate.class), today)));
    }

    private void lookBacks(LocalDate today, LocalDate horizon, List<TodoItem> items) {
        items.addAll(sql.query("SELECT " + TASK_COLUMNS + ", CAST(t.data->>'nextLookBackDue' AS date)" + LABELLED
                        + " WHERE " + TaskStates.closedSql("t.state") + " AND t.data->>'nextLookBackDue' IS NOT NULL"
                        + " AND CAST(t.data->>'nextLookBackDue' AS date) <= ? AND " + STANDING,
                row -> task(TodoKind.LOOK_BACK_DUE, row, row.getObject(6, LocalDate.class), today), horizon));
    }

    /**
     * 会议议定事项 of the unit not yet done, due within the horizon or overdue (周调度、月推进、专题会议). One about a
     * task known here is a reason of the task's to-do, in the decision's words (its note); one about no task, or
     * a task not known here yet, is titled by its text.
     */
    private void meetingDecisions(String unit, LocalDate today, LocalDate horizon, List<TodoItem> items) {
        items.addAll(sql.query("SELECT d.meeting_id, d.inspection_id, d.task_id, t.number, d.text, d.due_date, "
                        + TaskLabel.COLUMNS + ", t.title FROM rm_meeting_decision d LEFT JOIN rm_task t ON t.id = d.task_id"
                        + TaskLabel.JOIN
                        // a decision about a task cancelled since is not to be done (one of no task stands)
                        + " WHERE d.responsible_unit = ? AND NOT d.done AND d.due_date <= ? AND " + STANDING,
                row -> {
                    LocalDate due = row.getObject(6, LocalDate.class);
                    TodoKind kind = due.isBefore(today) ? TodoKind.MEETING_DECISION_OVERDUE : TodoKind.MEETING_DECISION_DUE;
                    UUID taskId = row.getObject(3, UUID.class);
                    String text = row.getString(5);
                    String taskTitle = row.getString(LABEL + TaskLabel.WIDTH); // after the label's columns
                    boolean ofTask = taskTitle != null;
                    return TodoItem.of(TodoReason.of(kind, due, today, ofTask ? text : null, null), row.getObject(2, UUID.class),
                            taskId, (Integer) row.getObject(4), TaskLabel.of(row, LABEL), TaskLabel.source(row, LABEL), null, null,
                            ofTask ? taskTitle : text, unit, config.consolePath()
                            + (taskId == null ? "/meetings/" + row.getObject(1, UUID.class) : "/tasks/" + taskId));
                }, unit, horizon));
    }

    /**
     * 延期申请待审批: a unit's request for a later deadline, pending in the task's snapshot
     * (pendingDeadlineExtension) until the office approves or refuses it, which the next event's snapshot
     * says. Due by the task's current deadline, which the request would move; the note is the date asked
     * for and the unit's reason, as written.
     */
    private void extensionRequests(LocalDate today, List<TodoItem> items) {
        items.addAll(sql.query("SELECT " + TASK_COLUMNS + ", t.deadline, " + TaskLabel.COLUMNS
                        + ", t.data->'pendingDeadlineExtension'->>'requestedDeadline',"
                        + " t.data->'pendingDeadlineExtension'->>'reason' FROM rm_task t" + TaskLabel.JOIN
                        + " WHERE jsonb_typeof(t.data->'pendingDeadlineExtension') = 'object' AND " + STANDING,
                row -> task(TodoKind.DEADLINE_EXTENSION_REQUESTED, row, row.getObject(6, LocalDate.class), today,
                        extensionNote(row.getString(LABEL + TaskLabel.WIDTH), row.getString(LABEL + TaskLabel.WIDTH + 1)))));
    }

    /** 申请延至2027年3月31日：reason (the date as the console and the mails write a day). */
    private static String extensionNote(String requestedDeadline, String reason) {
        String date = requestedDeadline == null ? "" : ChineseDates.day(LocalDate.parse(requestedDeadline));
        return "申请延至" + date + "：" + (reason == null ? "" : reason);
    }

    /**
     * Only the feedback's id, category, channel, times and deadline are read: nothing of who wrote or what
     * (the read model has nothing else); the title tells the items apart by those ({@link FeedbackTitle}).
     */
    private void replies(LocalDate today, LocalDate horizon, List<TodoItem> items) {
        items.addAll(sql.query("SELECT f.id, f.inspection_id, f.category, f.reply_due_at, "
                        + FeedbackTitle.receiptColumns("f") + " FROM rm_feedback f"
                        + " WHERE f.answered_at IS NULL AND f.reply_due_at IS NOT NULL"
                        + " AND f.status IN " + OWED_A_REPLY
                        + " AND CAST(f.reply_due_at AT TIME ZONE ? AS date) <= ?",
                row -> {
                    LocalDate due = row.getObject(4, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate();
                    TodoKind kind = due.isBefore(today) ? TodoKind.FEEDBACK_REPLY_OVERDUE : TodoKind.FEEDBACK_REPLY_DUE;
                    UUID feedbackId = row.getObject(1, UUID.class);
                    return TodoItem.of(TodoReason.of(kind, due, today, null, null), row.getObject(2, UUID.class), null, null,
                            null, null, feedbackId, null,
                            FeedbackTitle.of(row.getString(3), row.getString(5), row.getObject(6, OffsetDateTime.class),
                                    row.getObject(7, Boolean.class), zone),
                            null, config.consolePath() + "/feedback/" + feedbackId);
                }, zone.getId(), horizon));
    }

    private TodoItem task(TodoKind kind, ResultSet row, LocalDate due, LocalDate today) throws SQLException {
        return task(kind, row, due, today, null);
    }

    private TodoItem task(TodoKind kind, ResultSet row, LocalDate due, LocalDate today, String note) throws SQLException {
        return task(kind, row, due, today, note, null);
    }

    private TodoItem task(TodoKind kind, ResultSet row, LocalDate due, LocalDate today, String note, String stageGoal)
            throws SQLException {
        UUID id = row.getObject(1, UUID.class);
        return TodoItem.of(TodoReason.of(kind, due, today, note, stageGoal), row.getObject(2, UUID.class), id,
                (Integer) row.getObject(3), TaskLabel.of(row, LABEL), TaskLabel.source(row, LABEL), null, null,
                row.getString(4), row.getString(5), config.consolePath() + "/tasks/" + id);
    }
}
