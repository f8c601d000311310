-- 延期申请: a unit's request for a later deadline, and the office's decision on it. Until then the
-- unit phoned the office, and neither the request, its reason nor the decision left a record. A task
-- has at most one request pending (the partial unique index); the task names it while it is pending
-- (pending_extension_id), so a page of tasks shows it without reading this table unless one has one.
-- Approved, the deadline moves as the office's own move does (TaskDeadlineChanged, lastDeadlineChange).
CREATE TABLE deadline_extension_request (
    id                  uuid PRIMARY KEY,
    task_id             uuid         NOT NULL REFERENCES rectification_task (id),
    requested_deadline  date         NOT NULL,
    deadline_at_request date         NOT NULL,
    reason              text         NOT NULL,
    requested_by        varchar(200) NOT NULL,
    requested_at        timestamptz  NOT NULL,
    status              varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED')),
    decided_by          varchar(200),
    decided_at          timestamptz,
    decision_note       text,
    CHECK ((status = 'PENDING') = (decided_at IS NULL))
);
CREATE INDEX deadline_extension_request_task ON deadline_extension_request (task_id, requested_at);
CREATE UNIQUE INDEX deadline_extension_request_one_pending ON deadline_extension_request (task_id)
    WHERE status = 'PENDING';

ALTER TABLE rectification_task
    ADD COLUMN pending_extension_id uuid REFERENCES deadline_extension_request (id);
