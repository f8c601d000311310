-- Read models, built only from events (rectification.tasks.v1, rectification.feedback.v1).
-- Every table prefixed rm_ is disposable: POST /admin/rebuild truncates them and replays the topics.
-- Snapshot tables keep the aggregate version of the stored state, so an older event arriving late
-- changes nothing; `data` keeps the whole public snapshot for fields not broken out into columns.

CREATE TABLE rm_inspection (
    id                     uuid PRIMARY KEY,
    version                bigint      NOT NULL,
    title                  text,
    team                   text,
    inspected_organisation text,
    kind                   text,
    on_site_from           date,
    on_site_to             date,
    feedback_date          date,
    data                   jsonb       NOT NULL,
    event_time             timestamptz
);

CREATE TABLE rm_area (
    id            uuid PRIMARY KEY,
    version       bigint NOT NULL,
    inspection_id uuid,
    number        int,
    title         text,
    data          jsonb  NOT NULL
);
CREATE INDEX rm_area_inspection ON rm_area (inspection_id);

CREATE TABLE rm_problem (
    id                 uuid PRIMARY KEY,
    version            bigint NOT NULL,
    inspection_id      uuid,
    area_id            uuid,
    number             int,
    title              text,
    description        text,
    source             text,
    source_feedback_id uuid,
    percent_complete   int,
    data               jsonb  NOT NULL
);
CREATE INDEX rm_problem_inspection ON rm_problem (inspection_id);

CREATE TABLE rm_task (
    id                      uuid PRIMARY KEY,
    version                 bigint      NOT NULL,
    inspection_id           uuid,
    area_id                 uuid,
    problem_id              uuid,
    number                  int,
    title                   text,
    measures                text,
    progress_narrative      text,
    lead_official           text,
    responsible_person      text,
    responsible_unit        text,
    deadline                date,
    kind                    text,
    state                   text,
    percent_complete        int,
    reporting_cadence       text,
    last_progress_report_at timestamptz,
    verified_at             timestamptz,
    reopen_count            int,
    data                    jsonb       NOT NULL,
    event_time              timestamptz,
    -- time of the first event seen for the task: the start of its first reporting period
    first_seen_at           timestamptz
);
CREATE INDEX rm_task_inspection ON rm_task (inspection_id);

CREATE TABLE rm_progress_report (
    id               uuid PRIMARY KEY,
    task_id          uuid NOT NULL,
    inspection_id    uuid,
    cadence          text,
    period_start     date,
    period_end       date,
    percent_complete int,
    text             text,
    reporter         text,
    reported_at      timestamptz
);
CREATE INDEX rm_progress_report_task ON rm_progress_report (task_id);

-- One row per IndicatorRecorded: the series of an indicator's values over time.
CREATE TABLE rm_indicator_value (
    event_id      text PRIMARY KEY,
    indicator_id  uuid        NOT NULL,
    task_id       uuid        NOT NULL,
    inspection_id uuid,
    name          text,
    unit          text,
    value         numeric     NOT NULL,
    source        text,
    recorded_at   timestamptz NOT NULL
);
CREATE INDEX rm_indicator_value_indicator ON rm_indicator_value (indicator_id, recorded_at);

CREATE TABLE rm_publication (
    id            uuid PRIMARY KEY,
    version       bigint NOT NULL,
    inspection_id uuid,
    title         text,
    window_start  timestamptz,
    window_end    timestamptz,
    time_zone     text,
    report_url    text,
    channels      jsonb,
    data          jsonb  NOT NULL
);
CREATE INDEX rm_publication_inspection ON rm_publication (inspection_id);

-- Feedback as the events show it: status and timing only, never who sent it or what they wrote.
CREATE TABLE rm_feedback (
    id             uuid PRIMARY KEY,
    version        bigint  NOT NULL,
    publication_id uuid,
    inspection_id  uuid,
    channel        text,
    category       text,
    status         text,
    area_id        uuid,
    problem_id     uuid,
    task_id        uuid,
    received_at    timestamptz,
    triaged_at     timestamptz,
    answered_at    timestamptz,
    closed_at      timestamptz,
    reply_due_at   timestamptz,
    anonymous      boolean,
    data           jsonb   NOT NULL
);
CREATE INDEX rm_feedback_inspection ON rm_feedback (inspection_id, received_at);

CREATE TABLE rm_escalation (
    feedback_id   uuid PRIMARY KEY,
    inspection_id uuid,
    area_id       uuid,
    title         text,
    description   text,
    escalated_at  timestamptz
);
