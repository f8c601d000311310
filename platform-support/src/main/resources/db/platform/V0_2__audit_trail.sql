-- Append-only audit trail, each entry chained to the previous one by a hash (AuditTrail).
-- Values are stored as the exact text that was hashed, so verification recomputes the same bytes.
CREATE TABLE audit_entry (
    seq         bigint PRIMARY KEY,
    recorded_at text        NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    entity_type text        NOT NULL,
    entity_id   text        NOT NULL,
    before      text,
    after       text,
    algorithm   text        NOT NULL,
    prev_hash   text        NOT NULL,
    hash        text        NOT NULL
);
CREATE INDEX audit_entry_entity ON audit_entry (entity_type, entity_id, seq);

-- Audit entries are never changed or removed through the application's own statements.
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END $$;
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
