-- GET /tasks?inspectionId=… pages an inspection's tasks in the default order (deadline, number):
-- read in that order from the index, a page of 100 costs the same for an inspection of 2,000 tasks
-- as for one of 50 (no sort of all its tasks per request). It also serves what the old index did.
CREATE INDEX rectification_task_inspection_order ON rectification_task (inspection_id, deadline, number);
DROP INDEX rectification_task_inspection;
