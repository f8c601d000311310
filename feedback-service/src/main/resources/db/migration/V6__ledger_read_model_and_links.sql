-- What feedback-service knows of tasks-service's ledger, from rectification.tasks.v1 (only public
-- fields: numbers and titles, progress; never the people responsible). Publications are refused for
-- an inspection not known here; the public form offers the inspection's areas and measures.
CREATE TABLE known_inspection (
    id          uuid PRIMARY KEY,
    version     bigint       NOT NULL,
    title       text         NOT NULL,
    updated_at  timestamptz  NOT NULL
);

CREATE TABLE known_area (
    id             uuid PRIMARY KEY,
    inspection_id  uuid     NOT NULL,
    version        bigint   NOT NULL,
    number         integer  NOT NULL,
    title          text     NOT NULL
);
CREATE INDEX known_area_inspection ON known_area (inspection_id, number);

CREATE TABLE known_problem (
    id                  uuid PRIMARY KEY,
    inspection_id       uuid     NOT NULL,
    area_id             uuid     NOT NULL,
    version             bigint   NOT NULL,
    number              integer  NOT NULL,
    title               text     NOT NULL,
    source              varchar(20) NOT NULL,
    source_feedback_id  uuid,
    percent_complete    integer  NOT NULL
);
CREATE INDEX known_problem_feedback ON known_problem (source_feedback_id);

-- A task (整改任务) is what the public form calls a measure (整改措施).
CREATE TABLE known_task (
    id                uuid PRIMARY KEY,
    inspection_id     uuid     NOT NULL,
    area_id           uuid     NOT NULL,
    problem_id        uuid     NOT NULL,
    version           bigint   NOT NULL,
    number            integer  NOT NULL,
    title             text     NOT NULL,
    state             varchar(30) NOT NULL,
    percent_complete  integer  NOT NULL
);
CREATE INDEX known_task_problem ON known_task (problem_id);
CREATE INDEX known_task_inspection ON known_task (inspection_id);

-- The loop back from tasks-service: the problem an escalation became, or why it was refused.
ALTER TABLE feedback ADD COLUMN escalated_problem_id uuid;
ALTER TABLE feedback ADD COLUMN escalation_refused_reason varchar(500);
ALTER TABLE feedback ALTER COLUMN status TYPE varchar(20);

-- Reply deadline notices (FeedbackReplyDueSoon, FeedbackReplyOverdue): claimed in the transaction
-- that appends the event, so each goes out once per feedback and kind, whichever instance runs the check.
CREATE TABLE feedback_reply_notice (
    feedback_id  uuid         NOT NULL REFERENCES feedback (id),
    kind         varchar(10)  NOT NULL,
    due_date     date         NOT NULL,
    emitted_at   timestamptz  NOT NULL,
    PRIMARY KEY (feedback_id, kind)
);
