-- The dashboards count the inspection's findings (problem source PLAN) as the report and the public
-- progress page do, and the other sources (举一反三, 自查, 回头看, 群众反映) beside them, never in them
-- (review finding 2; docs/reporting-service.md, "Which tasks a figure counts"). So a task's row and the
-- summary's counters (V14) know the source of the task's problem.
--
-- rm_task.problem_source: rm_problem.source of the task's problem, null while the problem has not
-- arrived (counted as PLAN, as a problem without a source is: support/InspectionFindings). The
-- projection writes it with the task (projection/TaskProjection) and brings a problem's tasks up to
-- date when the problem arrives after them (projection/StructureProjection), by rm_task_problem.
DROP TRIGGER rm_task_tally_inserted ON rm_task;
DROP TRIGGER rm_task_tally_updated ON rm_task;
DROP TRIGGER rm_task_tally_deleted ON rm_task;

ALTER TABLE rm_task ADD COLUMN problem_source text;
UPDATE rm_task t SET problem_source = p.source FROM rm_problem p WHERE p.id = t.problem_id AND p.source IS NOT NULL;
CREATE INDEX rm_task_problem ON rm_task (problem_id);

-- The counters keyed by the source too: the summary of one source's tasks sums only its rows.
DROP INDEX rm_task_tally_key;
ALTER TABLE rm_task_tally ADD COLUMN problem_source text;
TRUNCATE rm_task_tally;
CREATE UNIQUE INDEX rm_task_tally_key ON rm_task_tally (inspection_id, problem_source, deadline, state, kind, report_due_on)
    NULLS NOT DISTINCT;

CREATE OR REPLACE FUNCTION rm_task_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO rm_task_tally AS c (inspection_id, problem_source, deadline, state, kind, report_due_on, tasks,
                                        percent_sum)
        SELECT inspection_id, problem_source, deadline, state, kind, report_due_on, count(*),
               sum(coalesce(percent_complete, 0))
        FROM added GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (inspection_id, problem_source, deadline, state, kind, report_due_on)
        DO UPDATE SET tasks = c.tasks + EXCLUDED.tasks, percent_sum = c.percent_sum + EXCLUDED.percent_sum;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO rm_task_tally AS c (inspection_id, problem_source, deadline, state, kind, report_due_on, tasks,
                                        percent_sum)
        SELECT inspection_id, problem_source, deadline, state, kind, report_due_on, sum(n), sum(p)
        FROM (SELECT inspection_id, problem_source, deadline, state, kind, report_due_on, 1 AS n,
                     coalesce(percent_complete, 0) AS p
              FROM added
              UNION ALL
              SELECT inspection_id, problem_source, deadline, state, kind, report_due_on, -1,
                     -coalesce(percent_complete, 0)
              FROM gone) AS d
        GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0 OR sum(p) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (inspection_id, problem_source, deadline, state, kind, report_due_on)
        DO UPDATE SET tasks = c.tasks + EXCLUDED.tasks, percent_sum = c.percent_sum + EXCLUDED.percent_sum;
    ELSE
        INSERT INTO rm_task_tally AS c (inspection_id, problem_source, deadline, state, kind, report_due_on, tasks,
                                        percent_sum)
        SELECT inspection_id, problem_source, deadline, state, kind, report_due_on, -count(*),
               -sum(coalesce(percent_complete, 0))
        FROM gone GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (inspection_id, problem_source, deadline, state, kind, report_due_on)
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

INSERT INTO rm_task_tally (inspection_id, problem_source, deadline, state, kind, report_due_on, tasks, percent_sum)
SELECT inspection_id, problem_source, deadline, state, kind, report_due_on, count(*), sum(coalesce(percent_complete, 0))
FROM rm_task GROUP BY 1, 2, 3, 4, 5, 6;
