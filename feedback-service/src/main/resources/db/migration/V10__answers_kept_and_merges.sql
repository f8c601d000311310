-- An answer once published is kept. The step that publishes one records its text in its history
-- entry: ANSWERED for the first, ANSWER_REVISED for each that replaces it. The submitter may have
-- read any of them (the tracking page, Open311's status_notes). Staff's text, checked to hold no
-- personal data, like the feedback's own answer column (the one standing now).
ALTER TABLE feedback_history ADD COLUMN answer text;
-- answered_at is the first answer's time: the answered-in-time figure counts the first reply, and
-- a correction after the reply date does not turn it late. A revision sets answer_revised_at.
ALTER TABLE feedback ADD COLUMN answer_revised_at timestamptz;

-- Before this, an answer replaced the last one and moved answered_at. The history still has when
-- each was published; only the text standing now is known, and it is the last one's.
UPDATE feedback_history h SET answer = f.answer
FROM feedback f
WHERE f.answer IS NOT NULL AND h.feedback_id = f.id
  AND h.id = (SELECT l.id FROM feedback_history l WHERE l.feedback_id = f.id AND l.action = 'ANSWERED'
              ORDER BY l.at DESC, l.id DESC LIMIT 1);
UPDATE feedback f SET answered_at = a.first_at, answer_revised_at = a.last_at
FROM (SELECT feedback_id, min(at) AS first_at, max(at) AS last_at FROM feedback_history
      WHERE action = 'ANSWERED' GROUP BY feedback_id HAVING count(*) > 1) a
WHERE a.feedback_id = f.id;
UPDATE feedback_history h SET action = 'ANSWER_REVISED'
WHERE h.action = 'ANSWERED'
  AND EXISTS (SELECT 1 FROM feedback_history e WHERE e.feedback_id = h.feedback_id AND e.action = 'ANSWERED'
              AND (e.at, e.id) < (h.at, h.id));

-- A feedback that others were merged into is not merged itself (they would be left behind a merge
-- that shows them no answer): the merge asks whether any feedback names it, under its row's lock.
CREATE INDEX feedback_merged_into ON feedback (merged_into_id) WHERE merged_into_id IS NOT NULL;
