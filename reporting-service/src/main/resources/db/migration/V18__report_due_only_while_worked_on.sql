-- Only a task being worked on (IN_PROGRESS, REOPENED) owes progress reports, as tasks-service's own
-- schedule says: the projection now leaves report_due_on null in every other state
-- (support/ReportDueRule), so the dashboard no longer counts a planned, claimed or closed task as
-- missing its report while the 待办 list did not. Rows stored before are brought in line here; the
-- tally's trigger moves their counts.
UPDATE rm_task SET report_due_on = NULL
WHERE report_due_on IS NOT NULL AND (state IS NULL OR state NOT IN ('IN_PROGRESS', 'REOPENED'));
