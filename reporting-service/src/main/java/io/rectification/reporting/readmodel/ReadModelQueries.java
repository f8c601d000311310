package io.rectification.reporting.readmodel;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.FeedbackEvent;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.rest.PageOf;
import io.rectification.reporting.readmodel.ReadModelViews.Escalation;
import io.rectification.reporting.readmodel.ReadModelViews.ProgressReport;
import io.rectification.reporting.readmodel.ReadModelViews.Publication;
import io.rectification.reporting.readmodel.ReadModelViews.TaskDetail;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Plain reads of single read models (tasks with their reports, publications, escalations). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReadModelQueries {

    /** In a query of {@code rm_task}: how many progress reports the task has. */
    private static final String REPORT_COUNT = "(SELECT count(*) FROM rm_progress_report WHERE task_id = rm_task.id)";

    private final Sql sql;

    public ReadModelQueries(Sql sql) {
        this.sql = sql;
    }

    public Optional<TaskDetail> findTaskById(UUID id) {
        List<ProgressReport> latest = new ArrayList<>(latestFirst(id, TaskDetail.LATEST_REPORTS, 0));
        Collections.reverse(latest); // in the order they were reported
        return Optional.ofNullable(sql.one("SELECT id, version, state, data, " + REPORT_COUNT + " FROM rm_task WHERE id = ?",
                row -> new TaskDetail(row.getObject(1, UUID.class), row.getLong(2), row.getString(3),
                        EventContract.fromJson(row.getString(4), TasksEvent.TaskSnapshot.class), row.getLong(5), latest),
                id));
    }

    /** A page of the task's progress reports, the latest first; empty when the task is not known. */
    public Optional<PageOf<ProgressReport>> progressReports(UUID taskId, int page, int size) {
        Long total = sql.one("SELECT " + REPORT_COUNT + " FROM rm_task WHERE id = ?", row -> row.getLong(1), taskId);
        if (total == null) {
            return Optional.empty();
        }
        return Optional.of(new PageOf<>(latestFirst(taskId, size, (long) page * size), page, size, total));
    }

    /** The task's progress reports, the latest first, {@code limit} of them after skipping {@code offset}. */
    private List<ProgressReport> latestFirst(UUID taskId, int limit, long offset) {
        return sql.query("""
                        SELECT id, cadence, period_start, period_end, percent_complete, text, reporter, reported_at
                        FROM rm_progress_report WHERE task_id = ? ORDER BY reported_at DESC, id DESC LIMIT ? OFFSET ?""",
                row -> new ProgressReport(row.getObject(1, UUID.class), row.getString(2),
                        row.getObject(3, LocalDate.class), row.getObject(4, LocalDate.class),
                        (Integer) row.getObject(5), row.getString(6), row.getString(7),
                        row.getObject(8, OffsetDateTime.class)),
                taskId, limit, offset);
    }

    /** The task's current ETag ({@link TaskDetail#tag()}) without reading its snapshot and reports. */
    public Optional<String> findTaskTag(UUID id) {
        return Optional.ofNullable(sql.one("SELECT version, " + REPORT_COUNT + " FROM rm_task WHERE id = ?",
                row -> ReadModelViews.taskTag(row.getLong(1), row.getLong(2)), id));
    }

    public List<Publication> publications(UUID inspectionId) {
        return sql.query("""
                        SELECT id, version, inspection_id, title, window_start, window_end, time_zone, report_url, channels
                        FROM rm_publication WHERE inspection_id = ? ORDER BY window_start NULLS LAST, id""",
                row -> new Publication(row.getObject(1, UUID.class), row.getLong(2), row.getObject(3, UUID.class),
                        row.getString(4), row.getObject(5, OffsetDateTime.class), row.getObject(6, OffsetDateTime.class),
                        row.getString(7), row.getString(8),
                        EventContract.fromJson(row.getString(9), FeedbackEvent.Channels.class)),
                inspectionId);
    }

    public List<Escalation> escalations(UUID inspectionId) {
        return sql.query("""
                        SELECT feedback_id, inspection_id, area_id, title, description, escalated_at,
                               CASE WHEN problem_id IS NOT NULL THEN 'REGISTERED'
                                    WHEN refused_at IS NOT NULL THEN 'REFUSED' ELSE 'PENDING' END,
                               problem_id, refused_field, refused_reason, refused_at
                        FROM rm_escalation WHERE inspection_id = ? ORDER BY escalated_at, feedback_id""",
                row -> new Escalation(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        row.getObject(3, UUID.class), row.getString(4), row.getString(5),
                        row.getObject(6, OffsetDateTime.class), row.getString(7), row.getObject(8, UUID.class),
                        row.getString(9), row.getString(10), row.getObject(11, OffsetDateTime.class)), inspectionId);
    }
}
