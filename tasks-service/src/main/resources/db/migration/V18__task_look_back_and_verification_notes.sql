-- Reasons are records (issue 10), continued: the latest look-back review's outcome and findings stay
-- on the task whatever the outcome (a confirmation's findings were only in look_back_review, so the
-- task, its audit trail and the read models never showed what the reviewers checked), and so does
-- the verifier's note on the latest close-out or consolidation (巩固提升的要求). Earlier ones are
-- in the audit trail and, for reviews, in look_back_review.
ALTER TABLE rectification_task
    ADD COLUMN look_back_outcome  varchar(20),
    ADD COLUMN look_back_findings text,
    ADD COLUMN look_back_by       varchar(200),
    ADD COLUMN look_back_at       timestamptz,
    ADD COLUMN verification_note  text,
    ADD COLUMN verification_by    varchar(200),
    ADD COLUMN verification_at    timestamptz;
