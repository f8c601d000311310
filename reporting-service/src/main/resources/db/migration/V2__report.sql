-- The public report: the texts staff supply for a draft, and the published versions, stored as
-- rendered and never changed. These are not read models: a rebuild leaves them alone.
CREATE TABLE report_draft (
    inspection_id             uuid PRIMARY KEY,
    leadership_responsibility text,
    next_steps                text,
    issuer                    text,
    issued_on                 date,
    updated_by                text,
    updated_at                timestamptz NOT NULL
);

CREATE TABLE report_version (
    id            uuid PRIMARY KEY,
    inspection_id uuid        NOT NULL,
    number        int         NOT NULL,
    published_at  timestamptz NOT NULL,
    published_by  text        NOT NULL,
    html          text        NOT NULL,
    markdown      text        NOT NULL,
    CONSTRAINT report_version_number UNIQUE (inspection_id, number)
);
