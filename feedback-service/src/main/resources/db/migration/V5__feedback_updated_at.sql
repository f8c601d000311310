-- When a staff step last changed a feedback as the public sees it (triaged, answered, closed,
-- escalated, merged): Open311's updated_datetime. Null until the first step (then received_at
-- is the last change). Earlier steps are taken from the history; a merge into this feedback
-- (DUPLICATE_MERGED_IN) does not change it.
ALTER TABLE feedback ADD COLUMN updated_at timestamptz;
UPDATE feedback f SET updated_at = h.last
FROM (SELECT feedback_id, max(at) AS last FROM feedback_history
      WHERE action IN ('TRIAGED', 'ANSWERED', 'CLOSED', 'ESCALATED', 'MERGED') GROUP BY feedback_id) h
WHERE h.feedback_id = f.id;
