-- An owner may withdraw a completion claim (撤回销号申请) before a supervisor decides on it; the task
-- goes back to the state it was claimed from. claimed_from records that state at each claim: a
-- reopened task's claim returns to REOPENED, any other to IN_PROGRESS (a rejection after a reopening
-- sends the task to IN_PROGRESS, so the reopening alone does not say where a later claim came from).
-- The latest withdrawal stays on the task as its rejection does: who, when, and why when they said.
ALTER TABLE rectification_task
    ADD COLUMN claimed_from      varchar(30),
    ADD COLUMN withdrawal_reason text,
    ADD COLUMN withdrawn_by      varchar(200),
    ADD COLUMN withdrawn_at      timestamptz;

-- Claims pending now were made before the column: a claim made after the latest reopening with no
-- rejection since was made from REOPENED, every other from IN_PROGRESS.
UPDATE rectification_task
SET claimed_from = CASE
        WHEN reopened_at IS NOT NULL AND (rejected_at IS NULL OR rejected_at < reopened_at) THEN 'REOPENED'
        ELSE 'IN_PROGRESS' END
WHERE state = 'COMPLETION_CLAIMED';
