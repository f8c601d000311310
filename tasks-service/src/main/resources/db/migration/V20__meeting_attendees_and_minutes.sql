-- Who attended a meeting (staff names or positions, as the minutes list them), and its minutes
-- (会议纪要) as a file, checked as evidence files are: the record that the meeting was held.
ALTER TABLE meeting ADD COLUMN attendees text[] NOT NULL DEFAULT '{}';

CREATE TABLE meeting_minutes (
    meeting_id    uuid PRIMARY KEY REFERENCES meeting (id),
    content_type  varchar(100) NOT NULL,
    filename      varchar(255) NOT NULL,
    size          bigint       NOT NULL,
    sha256        varchar(64)  NOT NULL,
    content       bytea        NOT NULL,
    uploaded_at   timestamptz  NOT NULL
);
