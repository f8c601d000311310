-- Each personal-data rekey run (personal.RekeyRuns), so that GET /admin/personal-data/rekey tells the
-- same on every instance and after a restart, and two instances never run one at once. The counts
-- are the run's progress as its batches commit (each batch adds its own in its transaction's wake);
-- heartbeat_at: when the instance running it last wrote its progress (every batch); a RUNNING run
-- whose heartbeat is older than feedback.personal-data.rekey.stale-after lost its instance. The
-- batches it committed stay done: the next run takes what is still under another key.
CREATE TABLE personal_data_rekey (
    seq               bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id                uuid PRIMARY KEY,
    state             text NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    started_by        text NOT NULL,
    started_at        timestamptz NOT NULL,
    heartbeat_at      timestamptz NOT NULL,
    finished_at       timestamptz,
    to_key_id         text NOT NULL,
    from_key_ids      text[] NOT NULL,
    rows_to_rekey     bigint NOT NULL,
    rekeyed           bigint NOT NULL DEFAULT 0,
    within_window     bigint NOT NULL DEFAULT 0,
    changed_meanwhile bigint NOT NULL DEFAULT 0,
    unopened          bigint NOT NULL DEFAULT 0,
    run_again_after   timestamptz,
    detail            text
);

-- One run at a time across the instances: a second claim finds this taken (409).
CREATE UNIQUE INDEX personal_data_rekey_one_running ON personal_data_rekey ((true)) WHERE state = 'RUNNING';
