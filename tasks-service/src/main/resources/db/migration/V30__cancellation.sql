-- A task, problem or area entered by mistake (a plan row imported twice, a finding of another
-- inspection, a task typed under the wrong problem) is cancelled (撤销) by the office, never deleted: it
-- stays, with who cancelled it, when and why, and its version moves; every figure, list and follow-up
-- leaves it out. Cancelled when cancelled_at is set (a task keeps its state: cancelled is not a state).
ALTER TABLE rectification_task
    ADD COLUMN cancelled_at        timestamptz,
    ADD COLUMN cancelled_by        varchar(200),
    ADD COLUMN cancellation_reason varchar(500),
    ADD CONSTRAINT rectification_task_cancellation_whole
        CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL) AND (cancelled_at IS NULL) = (cancellation_reason IS NULL));
ALTER TABLE problem
    ADD COLUMN cancelled_at        timestamptz,
    ADD COLUMN cancelled_by        varchar(200),
    ADD COLUMN cancellation_reason varchar(500),
    ADD CONSTRAINT problem_cancellation_whole
        CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL) AND (cancelled_at IS NULL) = (cancellation_reason IS NULL));
ALTER TABLE feedback_area
    ADD COLUMN cancelled_at        timestamptz,
    ADD COLUMN cancelled_by        varchar(200),
    ADD COLUMN cancellation_reason varchar(500),
    ADD CONSTRAINT feedback_area_cancellation_whole
        CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL) AND (cancelled_at IS NULL) = (cancellation_reason IS NULL));
-- The lists and the follow-up runs read the tasks that stand, by inspection: cancelled ones are few.
CREATE INDEX rectification_task_standing ON rectification_task (inspection_id) WHERE cancelled_at IS NULL;
