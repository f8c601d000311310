-- Each close-out's next look-back due date is computed once (LookBackSchedule) and stored, so lists
-- compare due dates instead of turning dates back by months (which is wrong at month ends).
ALTER TABLE rectification_task
    ADD COLUMN look_back_reviews_held int NOT NULL DEFAULT 0,
    ADD COLUMN look_back_due date;

UPDATE rectification_task t
   SET look_back_reviews_held = (SELECT count(*) FROM look_back_review r
                                  WHERE r.task_id = t.id AND r.reviewed_at >= t.verified_at)
 WHERE t.state = 'VERIFIED' AND t.verified_at IS NOT NULL;

-- PostgreSQL's date + months clamps to the month's last day exactly as java.time's plusMonths does.
UPDATE rectification_task
   SET look_back_due = ((verified_at AT TIME ZONE 'Asia/Shanghai')::date
                        + make_interval(months => (ARRAY[3, 6, 12])[look_back_reviews_held + 1]))::date
 WHERE state = 'VERIFIED' AND verified_at IS NOT NULL AND look_back_reviews_held < 3;

CREATE INDEX rectification_task_look_back_due ON rectification_task (look_back_due) WHERE look_back_due IS NOT NULL;
