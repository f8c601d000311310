-- Audit trail: who changed what when, with the task's snapshot before and after. Append-only:
-- the trigger refuses any UPDATE or DELETE, whoever asks.
CREATE TABLE audit_entry (
    id              bigserial PRIMARY KEY,
    aggregate_type  varchar(40)  NOT NULL,
    aggregate_id    uuid         NOT NULL,
    action          varchar(60)  NOT NULL,
    actor           varchar(100),
    at              timestamptz  NOT NULL,
    before_state    jsonb,
    after_state     jsonb        NOT NULL
);
CREATE INDEX audit_entry_aggregate ON audit_entry (aggregate_id, id);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END;
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
