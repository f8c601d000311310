-- 整改情况公布: the notice, its disclosure window (instants; shown in time_zone) and the
-- organisation's contact channels (organisation data, not personal data).
CREATE TABLE publication (
    id              uuid PRIMARY KEY,
    version         bigint        NOT NULL,
    inspection_id   uuid          NOT NULL,
    title           varchar(200)  NOT NULL,
    body            text,
    report_url      varchar(500),
    window_start    timestamptz   NOT NULL,
    window_end      timestamptz   NOT NULL,
    time_zone       varchar(64)   NOT NULL,
    phone           varchar(40),
    phone_hours     varchar(100),
    postal_address  varchar(300),
    postal_code     varchar(20),
    email           varchar(200),
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    CONSTRAINT publication_window CHECK (window_end >= window_start),
    CONSTRAINT publication_content CHECK (body IS NOT NULL OR report_url IS NOT NULL)
);
CREATE INDEX publication_inspection ON publication (inspection_id);
