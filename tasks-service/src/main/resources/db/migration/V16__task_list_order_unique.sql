-- The list's default order (deadline, number) does not tell apart tasks of different problems with
-- the same deadline and number, so the order ends with the id (SortSpec) and pages neither skip nor
-- repeat such tasks. The index holds the id too, so a page is still read in order from it.
CREATE INDEX rectification_task_inspection_order_id ON rectification_task (inspection_id, deadline, number, id);
DROP INDEX rectification_task_inspection_order;
