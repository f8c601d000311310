-- The latest change of a task's deadline (完成时限) stays on the task, as its latest rejection and
-- reopening do: from which date to which, why (required when the deadline moved later, 延期), who,
-- when. Its owners read it on the task; earlier changes are in the audit trail (TaskDeadlineChanged).
ALTER TABLE rectification_task
    ADD COLUMN deadline_changed_from  date,
    ADD COLUMN deadline_changed_to    date,
    ADD COLUMN deadline_change_reason text,
    ADD COLUMN deadline_changed_by    varchar(200),
    ADD COLUMN deadline_changed_at    timestamptz;
