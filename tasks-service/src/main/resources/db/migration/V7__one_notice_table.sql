-- TaskOverdue claims its once-per-task-and-date key in the same table as the other follow-up
-- notices (TaskProgressReportMissing, TaskLookBackDue): one table, one claim.
INSERT INTO task_follow_up_notice (notice_key, task_id, event_type, emitted_at)
SELECT notice_key, task_id, 'TaskOverdue', emitted_at FROM task_overdue_notice
ON CONFLICT (notice_key) DO NOTHING;
DROP TABLE task_overdue_notice;
