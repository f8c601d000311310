-- When the retention period's erasure (retention.PersonalDataErasure) removed a finished feedback's
-- sealed contact details and pseudonyms; null while they are kept. The row, its answer and history
-- stay, and its text as staff were shown it (masked): only what identifies or reaches the submitter goes.
ALTER TABLE feedback ADD COLUMN personal_data_erased_at timestamptz;
-- The erasure's search, by the last step (updated_at): only the finished rows not yet erased are in
-- it, so a run reads the few that are due, never the rows still owed an answer or erased before.
-- The predicate is RetentionPeriod.FINISHED_SQL's word for word (the planner matches it as written;
-- PersonalDataErasureTest checks the plan uses this index).
CREATE INDEX feedback_retention_due ON feedback (updated_at)
    WHERE personal_data_erased_at IS NULL
      AND (status IN ('ANSWERED', 'CLOSED', 'MERGED') OR (status = 'ESCALATED' AND answered_at IS NOT NULL));
