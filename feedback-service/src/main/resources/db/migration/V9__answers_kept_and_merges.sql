-- A feedback that others were merged into is not merged itself (they would be left behind a merge
-- that shows them no answer): the merge asks whether any feedback names it, under its row's lock.
CREATE INDEX feedback_merged_into ON feedback (merged_into_id) WHERE merged_into_id IS NOT NULL;
