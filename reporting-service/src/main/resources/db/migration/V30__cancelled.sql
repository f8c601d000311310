-- 撤销 (events 1.2.0): the office cancels a task, problem or area entered by mistake. The read models
-- keep the row, with when it was cancelled (the snapshot's cancelledAt; null while it stands), and
-- every figure leaves it out (support/Standing, docs/reporting-service.md "Cancelled (撤销)"). No
-- index on it: nearly every row stands, so "cancelled_at IS NULL" selects nothing an index could.
-- No rows to fill: no event before 1.2.0 cancelled anything.
ALTER TABLE rm_area ADD COLUMN cancelled_at timestamptz;
ALTER TABLE rm_problem ADD COLUMN cancelled_at timestamptz;
ALTER TABLE rm_task ADD COLUMN cancelled_at timestamptz;

-- The summary's counters (V14, V26) count the standing tasks only: a TaskCancelled's update takes its
-- row out of them (in "gone", not in "added"), as a deletion would, and a rebuild's replay never puts
-- it in. The function is V26's with the two lines "WHERE cancelled_at IS NULL".
CREATE OR REPLACE FUNCTION rm_task_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO rm_task_tally AS c (inspection_id, problem_source, deadline, state, kind, report_due_on, tasks,
                                        percent_sum)
        SELECT inspection_id, problem_source, deadline, state, kind, report_due_on, count(*),
               sum(coalesce(percent_complete, 0))
        FROM added WHERE cancelled_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (inspection_id, problem_source, deadline, state, kind, report_due_on)
        DO UPDATE SET tasks = c.tasks + EXCLUDED.tasks, percent_sum = c.percent_sum + EXCLUDED.percent_sum;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO rm_task_tally AS c (inspection_id, problem_source, deadline, state, kind, report_due_on, tasks,
                                        percent_sum)
        SELECT inspection_id, problem_source, deadline, state, kind, report_due_on, sum(n), sum(p)
        FROM (SELECT inspection_id, problem_source, deadline, state, kind, report_due_on, 1 AS n,
                     coalesce(percent_complete, 0) AS p
              FROM added WHERE cancelled_at IS NULL
              UNION ALL
              SELECT inspection_id, problem_source, deadline, state, kind, report_due_on, -1,
                     -coalesce(percent_complete, 0)
              FROM gone WHERE cancelled_at IS NULL) AS d
        GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0 OR sum(p) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (inspection_id, problem_source, deadline, state, kind, report_due_on)
        DO UPDATE SET tasks = c.tasks + EXCLUDED.tasks, percent_sum = c.percent_sum + EXCLUDED.percent_sum;
    ELSE
        INSERT INTO rm_task_tally AS c (inspection_id, problem_source, deadline, state, kind, report_due_on, tasks,
                                        percent_sum)
        SELECT inspection_id, problem_source, deadline, state, kind, report_due_on, -count(*),
               -sum(coalesce(percent_complete, 0))
        FROM gone WHERE cancelled_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (inspection_id, problem_source, deadline, state, kind, report_due_on)
        DO UPDATE SET tasks = c.tasks + EXCLUDED.tasks, percent_sum = c.percent_sum + EXCLUDED.percent_sum;
    END IF;
    DELETE FROM rm_task_tally WHERE tasks = 0;
    RETURN NULL;
END
$$;

-- A task's notices not sent yet are dropped when it is cancelled (notice/NoticeCauses): its causes
-- found by the task's id in their facts.
CREATE INDEX notice_cause_task ON notice_cause ((facts->>'id'));
