-- Each read-model rebuild (rebuild.RebuildRecords), so that GET /admin/rebuild tells the same on every
-- instance and after a restart. topics: per topic and partition the range to replay (from, to) and
-- how much of it was replayed, as GET /admin/rebuild answers it. heartbeat_at: when the instance
-- replaying it last wrote its progress (every second while RUNNING); a RUNNING run whose heartbeat
-- is older than reporting.rebuild.stale-after lost its instance, and its transaction with it.
CREATE TABLE read_model_rebuild (
    seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id           uuid PRIMARY KEY,
    state        text NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    started_by   text NOT NULL,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    detail       text,
    topics       jsonb NOT NULL,
    heartbeat_at timestamptz NOT NULL
);

-- One rebuild replays at a time across the instances: a second claim finds this taken (409).
CREATE UNIQUE INDEX read_model_rebuild_one_running ON read_model_rebuild ((true)) WHERE state = 'RUNNING';
