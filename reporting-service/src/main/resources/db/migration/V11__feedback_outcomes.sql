-- What the newer feedback events say beyond the snapshot: the problem an escalation became
-- (FeedbackLinkedToProblem), why tasks-service refused it (FeedbackEscalationFailed; the reason is
-- tasks-service's text, never the public's), and the item a feedback was merged into (FeedbackMerged).
ALTER TABLE rm_feedback
    ADD COLUMN escalated_problem_id      uuid,
    ADD COLUMN escalation_refused_field  text,
    ADD COLUMN escalation_refused_reason text,
    ADD COLUMN merged_into_id            uuid;

ALTER TABLE rm_escalation
    ADD COLUMN problem_id     uuid,
    ADD COLUMN linked_at      timestamptz,
    ADD COLUMN refused_field  text,
    ADD COLUMN refused_reason text,
    ADD COLUMN refused_at     timestamptz;
