-- The feedback's version as last escalated (its FeedbackEscalated event's version). tasks-service's
-- FeedbackEscalationRefused names the version it refuses, so a refusal of an earlier escalation that
-- arrives late or again (redelivered) is told apart from one of the escalation now waiting. Null for
-- a feedback escalated before this column: any refusal applies to it, as before.
ALTER TABLE feedback ADD COLUMN escalation_version bigint;
