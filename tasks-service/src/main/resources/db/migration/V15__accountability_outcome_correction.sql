-- A recorded accountability outcome can be corrected in place (PUT with If-Match): its version moves
-- (records made before start at 1, as their events said), and the last correction's reason and time
-- are kept beside it; every earlier version stays in the audit trail.
ALTER TABLE accountability_outcome
    ADD COLUMN version           bigint NOT NULL DEFAULT 1,
    ADD COLUMN corrected_at      timestamptz,
    ADD COLUMN correction_reason varchar(2000);
ALTER TABLE accountability_outcome ALTER COLUMN version DROP DEFAULT;
