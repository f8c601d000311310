-- From MeetingHeld and MeetingDecisionCompleted: the decisions of dispatch and special meetings, for
-- the 待办 "会议议定事项" of their responsible units.
CREATE TABLE rm_meeting (
    id            uuid PRIMARY KEY,
    version       bigint NOT NULL,
    inspection_id uuid   NOT NULL,
    kind          text   NOT NULL,
    held_on       date,
    data          jsonb  NOT NULL
);
CREATE INDEX rm_meeting_inspection ON rm_meeting (inspection_id, held_on);

CREATE TABLE rm_meeting_decision (
    id               uuid PRIMARY KEY,
    meeting_id       uuid    NOT NULL,
    inspection_id    uuid    NOT NULL,
    text             text    NOT NULL,
    responsible_unit text    NOT NULL,
    due_date         date    NOT NULL,
    task_id          uuid,
    done             boolean NOT NULL
);
CREATE INDEX rm_meeting_decision_unit ON rm_meeting_decision (responsible_unit, due_date) WHERE NOT done;
