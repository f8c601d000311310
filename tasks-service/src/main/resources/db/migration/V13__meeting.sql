-- 周调度会, 月推进会 and 专题会议 with their decisions (会议议定事项).
CREATE TABLE meeting (
    id            uuid PRIMARY KEY,
    version       bigint       NOT NULL,
    inspection_id uuid         NOT NULL REFERENCES inspection (id),
    kind          varchar(20)  NOT NULL,
    held_on       date         NOT NULL,
    chair         varchar(200) NOT NULL,
    topic         varchar(500),
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL
);
CREATE INDEX meeting_inspection ON meeting (inspection_id, held_on);

CREATE TABLE meeting_decision (
    id               uuid PRIMARY KEY,
    meeting_id       uuid          NOT NULL REFERENCES meeting (id),
    position         int           NOT NULL,
    text             varchar(2000) NOT NULL,
    responsible_unit varchar(200)  NOT NULL,
    due_date         date          NOT NULL,
    task_id          uuid REFERENCES rectification_task (id),
    done_at          timestamptz,
    done_by          varchar(200)
);
CREATE INDEX meeting_decision_meeting ON meeting_decision (meeting_id, position);
