-- A task's progress reports are read newest first: its latest reports in GET /read-models/tasks/{id}
-- and the pages of /read-models/tasks/{id}/progress-reports. The task's reports come off this index
-- in order instead of all of them being sorted (a task reported on daily has thousands); it covers
-- what the index on task_id alone served.
CREATE INDEX rm_progress_report_task_reported ON rm_progress_report (task_id, reported_at, id);
DROP INDEX rm_progress_report_task;
