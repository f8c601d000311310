-- 撤销 (events 1.2.0): tasks-service's office cancels an area, problem or task entered by mistake.
-- The copy keeps the row with when it was cancelled (the snapshot's cancelledAt; null while it
-- stands): the public form no longer offers it and staff can no longer link feedback to it, while
-- feedback linked or escalated to it before keeps its link (docs/feedback-service.md).
ALTER TABLE known_area ADD COLUMN cancelled_at timestamptz;
ALTER TABLE known_problem ADD COLUMN cancelled_at timestamptz;
ALTER TABLE known_task ADD COLUMN cancelled_at timestamptz;
