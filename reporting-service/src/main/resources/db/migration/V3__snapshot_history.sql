-- Every task and problem snapshot applied, by version: the lists "as of" a past day are the newest
-- snapshot per aggregate whose event time falls before the end of that day. Rebuilt like rm_*.
CREATE TABLE rm_task_history (
    task_id       uuid        NOT NULL,
    version       bigint      NOT NULL,
    inspection_id uuid,
    event_time    timestamptz NOT NULL,
    data          jsonb       NOT NULL,
    PRIMARY KEY (task_id, version)
);
CREATE INDEX rm_task_history_inspection ON rm_task_history (inspection_id, event_time);

CREATE TABLE rm_problem_history (
    problem_id    uuid        NOT NULL,
    version       bigint      NOT NULL,
    inspection_id uuid,
    event_time    timestamptz NOT NULL,
    data          jsonb       NOT NULL,
    PRIMARY KEY (problem_id, version)
);
CREATE INDEX rm_problem_history_inspection ON rm_problem_history (inspection_id, event_time);
