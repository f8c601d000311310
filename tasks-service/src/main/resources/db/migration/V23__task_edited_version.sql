-- The version a task's last change reached; versions after it were moved by follow-up notices alone
-- (TaskOverdue, TaskProgressReportMissing, TaskLookBackDue), so an If-Match naming any of them
-- still holds (TaskGuard). Until now every version was a change.
ALTER TABLE rectification_task ADD COLUMN edited_version bigint NOT NULL DEFAULT 0;
UPDATE rectification_task SET edited_version = version;
