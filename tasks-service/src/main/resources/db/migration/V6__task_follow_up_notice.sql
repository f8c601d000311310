-- TaskProgressReportMissing (once per task and expected period) and TaskLookBackDue (once per task
-- and due date) claim their key here in the transaction that appends the event
-- (INSERT … ON CONFLICT DO NOTHING), so several instances never emit one twice.
CREATE TABLE task_follow_up_notice (
    notice_key   varchar(160) PRIMARY KEY,
    task_id      uuid         NOT NULL REFERENCES rectification_task (id),
    event_type   varchar(60)  NOT NULL,
    emitted_at   timestamptz  NOT NULL
);
