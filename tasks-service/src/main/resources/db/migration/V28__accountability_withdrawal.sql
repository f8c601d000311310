-- An accountability outcome or recovered-funds entry entered by mistake (a client's retry stored it
-- twice, a document that belongs to another inspection) is withdrawn (撤销登记), never deleted: the
-- record stays, with who withdrew it, when and why, and its version moves; every total leaves it out.
-- A record is withdrawn when withdrawn_at is set (no separate state column to disagree with it).
ALTER TABLE accountability_outcome
    ADD COLUMN withdrawn_at      timestamptz,
    ADD COLUMN withdrawn_by      varchar(200),
    ADD COLUMN withdrawal_reason varchar(500),
    ADD CONSTRAINT accountability_outcome_withdrawal_whole
        CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL) AND (withdrawn_at IS NULL) = (withdrawal_reason IS NULL));
ALTER TABLE recovered_funds
    ADD COLUMN withdrawn_at      timestamptz,
    ADD COLUMN withdrawn_by      varchar(200),
    ADD COLUMN withdrawal_reason varchar(500),
    ADD CONSTRAINT recovered_funds_withdrawal_whole
        CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL) AND (withdrawn_at IS NULL) = (withdrawal_reason IS NULL));
