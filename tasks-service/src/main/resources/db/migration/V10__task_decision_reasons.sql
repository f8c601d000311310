-- Reasons are records: the latest rejected claim and the latest reopening stay on the task, so its
-- owner reads why (they were only in the events before). Earlier ones are in the audit trail.
ALTER TABLE rectification_task
    ADD COLUMN rejection_reason text,
    ADD COLUMN rejected_by      varchar(200),
    ADD COLUMN rejected_at      timestamptz,
    ADD COLUMN reopen_reason    text,
    ADD COLUMN reopened_by      varchar(200),
    ADD COLUMN reopened_at      timestamptz;
