-- V18 added verification_by, but every verification already wrote the same verifier to verified_by
-- (a consolidation too): one column says who verified last. verification_at stays, since a
-- consolidation (巩固提升) is a verification without a close-out (verified_at).
ALTER TABLE rectification_task DROP COLUMN verification_by;
