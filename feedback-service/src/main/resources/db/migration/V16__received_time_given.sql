-- Whether the time of day a feedback came is known: false when staff registered a call or letter
-- without it (receivedAt is then the day's 00:00 in the publication's zone). Every web and API
-- submission has its time, hence the default.
ALTER TABLE feedback ADD COLUMN received_time_given boolean NOT NULL DEFAULT true;

-- Rows registered before this column said it only in their RECEIVED history entry, written by staff
-- intake as "recorded by staff, received on 2026-12-05" followed by " at 10:30" when a time was
-- given (then ", receipt …" and " (POST)"). The rule tracking.ReceivedDay applied to that text until
-- now: a staff record whose day is not followed by " at ". 31 characters of prefix, 10 of the day.
UPDATE feedback f SET received_time_given = false
FROM feedback_history h
WHERE h.feedback_id = f.id
  AND h.action = 'RECEIVED'
  AND h.detail LIKE 'recorded by staff, received on %'
  AND substr(h.detail, 42, 4) <> ' at ';
