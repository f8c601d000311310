-- The optional file of an evidence entry (scanned ledger, document, minutes), size- and type-checked.
CREATE TABLE evidence_file (
    evidence_id   uuid PRIMARY KEY REFERENCES evidence (id),
    content_type  varchar(100) NOT NULL,
    filename      varchar(255) NOT NULL,
    size          bigint       NOT NULL,
    sha256        varchar(64)  NOT NULL,
    content       bytea        NOT NULL,
    uploaded_at   timestamptz  NOT NULL
);
