-- How many feedback items were received and answered, per inspection, kept as rm_task_tally is (V14):
-- the metrics' gauges (rectification_feedback_received/answered) read these instead of counting
-- every feedback row every 15 s, which took 86 ms of PostgreSQL's CPU at 280,000 rows (2026-12-03)
-- and grew with each, in bursts that delayed whatever event was being applied at the time.
CREATE TABLE rm_feedback_tally (
    inspection_id uuid,
    received      bigint NOT NULL,
    answered      bigint NOT NULL
);
CREATE UNIQUE INDEX rm_feedback_tally_key ON rm_feedback_tally (inspection_id) NULLS NOT DISTINCT;
CREATE INDEX rm_feedback_tally_empty ON rm_feedback_tally (inspection_id) WHERE received = 0;

-- Kept by rm_feedback's own statements, in their transaction, whichever path writes the rows (the
-- projection's upserts, a rebuild's COPY); one set-based change per statement, rows in key order.
CREATE FUNCTION rm_feedback_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO rm_feedback_tally AS c (inspection_id, received, answered)
        SELECT inspection_id, count(*), count(answered_at) FROM added GROUP BY 1 ORDER BY 1
        ON CONFLICT (inspection_id)
        DO UPDATE SET received = c.received + EXCLUDED.received, answered = c.answered + EXCLUDED.answered;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO rm_feedback_tally AS c (inspection_id, received, answered)
        SELECT inspection_id, sum(n), sum(a)
        FROM (SELECT inspection_id, 1 AS n, CASE WHEN answered_at IS NULL THEN 0 ELSE 1 END AS a FROM added
              UNION ALL
              SELECT inspection_id, -1, CASE WHEN answered_at IS NULL THEN 0 ELSE -1 END FROM gone) AS d
        GROUP BY 1 HAVING sum(n) <> 0 OR sum(a) <> 0 ORDER BY 1
        ON CONFLICT (inspection_id)
        DO UPDATE SET received = c.received + EXCLUDED.received, answered = c.answered + EXCLUDED.answered;
    ELSE
        INSERT INTO rm_feedback_tally AS c (inspection_id, received, answered)
        SELECT inspection_id, -count(*), -count(answered_at) FROM gone GROUP BY 1 ORDER BY 1
        ON CONFLICT (inspection_id)
        DO UPDATE SET received = c.received + EXCLUDED.received, answered = c.answered + EXCLUDED.answered;
    END IF;
    DELETE FROM rm_feedback_tally WHERE received = 0;
    RETURN NULL;
END
$$;
CREATE TRIGGER rm_feedback_tally_inserted AFTER INSERT ON rm_feedback REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION rm_feedback_tally_apply();
CREATE TRIGGER rm_feedback_tally_updated AFTER UPDATE ON rm_feedback REFERENCING OLD TABLE AS gone NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION rm_feedback_tally_apply();
CREATE TRIGGER rm_feedback_tally_deleted AFTER DELETE ON rm_feedback REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION rm_feedback_tally_apply();

INSERT INTO rm_feedback_tally (inspection_id, received, answered)
SELECT inspection_id, count(*), count(answered_at) FROM rm_feedback GROUP BY 1;
