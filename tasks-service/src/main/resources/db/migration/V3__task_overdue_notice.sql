-- TaskOverdue goes out once per task and due date: the key is claimed in the transaction that
-- appends the event (INSERT … ON CONFLICT DO NOTHING), so several instances never emit it twice.
CREATE TABLE task_overdue_notice (
    notice_key   varchar(120) PRIMARY KEY,
    task_id      uuid         NOT NULL REFERENCES rectification_task (id),
    emitted_at   timestamptz  NOT NULL
);
