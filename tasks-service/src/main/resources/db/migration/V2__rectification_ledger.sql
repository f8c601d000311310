-- Areas, problems and rectification tasks with everything hanging off a task. Child rows carry
-- plain ids (no JPA associations): each is read or written through its task's service.

CREATE TABLE feedback_area (
    id             uuid PRIMARY KEY,
    version        bigint       NOT NULL,
    inspection_id  uuid         NOT NULL REFERENCES inspection (id),
    number         int          NOT NULL CHECK (number >= 1),
    title          varchar(500) NOT NULL,
    created_at     timestamptz  NOT NULL,
    CONSTRAINT feedback_area_number UNIQUE (inspection_id, number)
);

CREATE TABLE problem (
    id                  uuid PRIMARY KEY,
    version             bigint       NOT NULL,
    inspection_id       uuid         NOT NULL REFERENCES inspection (id),
    area_id             uuid         NOT NULL REFERENCES feedback_area (id),
    number              int          NOT NULL CHECK (number >= 1),
    title               varchar(500) NOT NULL,
    description         text,
    source              varchar(20)  NOT NULL,
    source_feedback_id  uuid UNIQUE,
    created_at          timestamptz  NOT NULL,
    CONSTRAINT problem_number UNIQUE (area_id, number)
);

CREATE TABLE rectification_task (
    id                       uuid PRIMARY KEY,
    version                  bigint       NOT NULL,
    inspection_id            uuid         NOT NULL REFERENCES inspection (id),
    area_id                  uuid         NOT NULL REFERENCES feedback_area (id),
    problem_id               uuid         NOT NULL REFERENCES problem (id),
    number                   int          NOT NULL CHECK (number >= 1),
    title                    varchar(500) NOT NULL,
    measures                 text         NOT NULL,
    progress_narrative       text,
    lead_official            varchar(100) NOT NULL,
    responsible_person       varchar(100) NOT NULL,
    responsible_unit         varchar(200) NOT NULL,
    deadline                 date         NOT NULL,
    kind                     varchar(20)  NOT NULL,
    state                    varchar(30)  NOT NULL,
    percent_complete         int          NOT NULL CHECK (percent_complete BETWEEN 0 AND 100),
    reporting_cadence        varchar(20),
    require_indicators_met   boolean      NOT NULL,
    last_progress_report_at  timestamptz,
    claimed_by               varchar(100),
    claimed_at               timestamptz,
    verified_by              varchar(100),
    verified_at              timestamptz,
    reopen_count             int          NOT NULL DEFAULT 0,
    created_at               timestamptz  NOT NULL,
    updated_at               timestamptz  NOT NULL,
    CONSTRAINT task_number UNIQUE (problem_id, number)
);
CREATE INDEX rectification_task_inspection ON rectification_task (inspection_id);
CREATE INDEX rectification_task_deadline ON rectification_task (deadline);

CREATE TABLE milestone (
    id           uuid PRIMARY KEY,
    task_id      uuid         NOT NULL REFERENCES rectification_task (id),
    position     int          NOT NULL,
    title        varchar(500) NOT NULL,
    due_date     date         NOT NULL,
    achieved_at  timestamptz
);
CREATE INDEX milestone_task ON milestone (task_id);

CREATE TABLE indicator (
    id                  uuid PRIMARY KEY,
    task_id             uuid           NOT NULL REFERENCES rectification_task (id),
    position            int            NOT NULL,
    name                varchar(200)   NOT NULL,
    unit                varchar(50)    NOT NULL,
    baseline            numeric(20, 4),
    target_kind         varchar(20)    NOT NULL,
    target_value        numeric(20, 4) NOT NULL,
    direction           varchar(20)    NOT NULL,
    latest_actual       numeric(20, 4),
    latest_source       varchar(500),
    latest_recorded_at  timestamptz
);
CREATE INDEX indicator_task ON indicator (task_id);

CREATE TABLE indicator_value (
    id            uuid PRIMARY KEY,
    indicator_id  uuid           NOT NULL REFERENCES indicator (id),
    value         numeric(20, 4) NOT NULL,
    source        varchar(500)   NOT NULL,
    recorded_at   timestamptz    NOT NULL,
    recorded_by   varchar(100)
);
CREATE INDEX indicator_value_indicator ON indicator_value (indicator_id);

CREATE TABLE evidence (
    id             uuid PRIMARY KEY,
    task_id        uuid          NOT NULL REFERENCES rectification_task (id),
    type           varchar(20)   NOT NULL,
    title          varchar(500)  NOT NULL,
    reference      varchar(500),
    evidence_date  date          NOT NULL,
    recorded_by    varchar(100),
    recorded_at    timestamptz   NOT NULL
);
CREATE INDEX evidence_task ON evidence (task_id);

CREATE TABLE progress_report (
    id                uuid PRIMARY KEY,
    task_id           uuid          NOT NULL REFERENCES rectification_task (id),
    cadence           varchar(20)   NOT NULL,
    period_start      date          NOT NULL,
    period_end        date          NOT NULL,
    text              text          NOT NULL,
    percent_complete  int           NOT NULL CHECK (percent_complete BETWEEN 0 AND 100),
    reporter          varchar(100)  NOT NULL,
    reported_at       timestamptz   NOT NULL,
    CONSTRAINT progress_report_period CHECK (period_end >= period_start)
);
CREATE INDEX progress_report_task ON progress_report (task_id);

-- 回头看: each look-back review of a closed-out task, linked to the close-out it reviewed.
CREATE TABLE look_back_review (
    id                    uuid PRIMARY KEY,
    task_id               uuid          NOT NULL REFERENCES rectification_task (id),
    outcome               varchar(20)   NOT NULL,
    reason                text,
    reviewer              varchar(100)  NOT NULL,
    reviewed_at           timestamptz   NOT NULL,
    reviewed_verified_at  timestamptz,
    new_problem_id        uuid REFERENCES problem (id)
);
CREATE INDEX look_back_review_task ON look_back_review (task_id);
