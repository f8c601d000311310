-- The dashboard summary from counters instead of from every task row (issue 15: the same cost for an
-- inspection of 2,000 tasks as for one of 45). docs/reporting-service.md, "Pre-aggregated summary".
--
-- rm_task.report_due_on: the day (in the organisation's zone, reporting.time-zone) by whose end a
-- task's next progress report is due, one cadence after its last report or, before the first, after
-- it was first seen; null without a cadence. The projection sets it (projection/ReportDue); rows
-- already stored get it here, in the default zone.
ALTER TABLE rm_task ADD COLUMN report_due_on date;
UPDATE rm_task SET report_due_on = CAST((coalesce(last_progress_report_at, first_seen_at) AT TIME ZONE 'Asia/Shanghai')
    + CASE reporting_cadence WHEN 'DAILY' THEN interval '1 day' WHEN 'WEEKLY' THEN interval '7 days'
      ELSE interval '1 month' END AS date)
WHERE reporting_cadence IS NOT NULL;

-- How many tasks (and the sum of their percent complete) per inspection, deadline day, state, kind and
-- report-due day. Overdue and at risk depend on the day asked about, so they are not counted here:
-- the summary sums the rows whose deadline (or report-due day) falls in the range that day implies.
-- The rows of an inspection are as many as its distinct combinations, not its tasks.
CREATE TABLE rm_task_tally (
    inspection_id uuid,
    deadline      date,
    state         text,
    kind          text,
    report_due_on date,
    tasks         int    NOT NULL,
    percent_sum   bigint NOT NULL
);
CREATE UNIQUE INDEX rm_task_tally_key ON rm_task_tally (inspection_id, deadline, state, kind, report_due_on)
    NULLS NOT DISTINCT;
-- the rows a change emptied, deleted in the same statement
CREATE INDEX rm_task_tally_empty ON rm_task_tally (inspection_id) WHERE tasks = 0;

-- Kept by rm_task's own statements, in their transaction, whichever path writes the rows (the
-- projection's batched upsert, a rebuild's DELETE): one set-based change per statement, rows locked
-- in key order (two transactions moving tasks between the same keys cannot deadlock).
CREATE FUNCTION rm_task_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO rm_task_tally AS c (inspection_id, deadline, state, kind, report_due_on, tasks, percent_sum)
        SELECT inspection_id, deadline, state, kind, report_due_on, count(*), sum(coalesce(percent_complete, 0))
        FROM added GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (inspection_id, deadline, state, kind, report_due_on)
        DO UPDATE SET tasks = c.tasks + EXCLUDED.tasks, percent_sum = c.percent_sum + EXCLUDED.percent_sum;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO rm_task_tally AS c (inspection_id, deadline, state, kind, report_due_on, tasks, percent_sum)
        SELECT inspection_id, deadline, state, kind, report_due_on, sum(n), sum(p)
        FROM (SELECT inspection_id, deadline, state, kind, report_due_on, 1 AS n, coalesce(percent_complete, 0) AS p
              FROM added
              UNION ALL
              SELECT inspection_id, deadline, state, kind, report_due_on, -1, -coalesce(percent_complete, 0)
              FROM gone) AS d
        GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 OR sum(p) <> 0 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (inspection_id, deadline, state, kind, report_due_on)
        DO UPDATE SET tasks = c.tasks + EXCLUDED.tasks, percent_sum = c.percent_sum + EXCLUDED.percent_sum;
    ELSE
        INSERT INTO rm_task_tally AS c (inspection_id, deadline, state, kind, report_due_on, tasks, percent_sum)
        SELECT inspection_id, deadline, state, kind, report_due_on, -count(*), -sum(coalesce(percent_complete, 0))
        FROM gone GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (inspection_id, deadline, state, kind, report_due_on)
        DO UPDATE SET tasks = c.tasks + EXCLUDED.tasks, percent_sum = c.percent_sum + EXCLUDED.percent_sum;
    END IF;
    DELETE FROM rm_task_tally WHERE tasks = 0;
    RETURN NULL;
END
$$;
CREATE TRIGGER rm_task_tally_inserted AFTER INSERT ON rm_task REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION rm_task_tally_apply();
CREATE TRIGGER rm_task_tally_updated AFTER UPDATE ON rm_task REFERENCING OLD TABLE AS gone NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION rm_task_tally_apply();
CREATE TRIGGER rm_task_tally_deleted AFTER DELETE ON rm_task REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION rm_task_tally_apply();

INSERT INTO rm_task_tally (inspection_id, deadline, state, kind, report_due_on, tasks, percent_sum)
SELECT inspection_id, deadline, state, kind, report_due_on, count(*), sum(coalesce(percent_complete, 0))
FROM rm_task GROUP BY 1, 2, 3, 4, 5;
