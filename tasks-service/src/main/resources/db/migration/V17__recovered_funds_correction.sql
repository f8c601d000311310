-- A recorded recovered-funds entry (追回资金 / 挽回损失) can be corrected in place (PUT with If-Match),
-- as accountability outcomes can since V15: its version moves (entries made before start at 1, as their
-- events said), and the last correction's reason and time are kept beside it; every earlier version
-- stays in the audit trail.
ALTER TABLE recovered_funds
    ADD COLUMN version           bigint NOT NULL DEFAULT 1,
    ADD COLUMN corrected_at      timestamptz,
    ADD COLUMN correction_reason varchar(2000);
ALTER TABLE recovered_funds ALTER COLUMN version DROP DEFAULT;
