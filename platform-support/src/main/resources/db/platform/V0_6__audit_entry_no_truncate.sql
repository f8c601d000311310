-- TRUNCATE fires no row trigger, so audit_entry_no_update (V0_2) let it empty the whole trail
-- (operator review #8). A statement trigger refuses it too. The table's owner can still disable
-- triggers: a production deployment runs the services as a role that does not own their tables
-- (docs/security.md), and the gauge of the chain's latest entry (AuditChainMetrics) is the anchor
-- outside the table that shows a chain grown shorter.
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
