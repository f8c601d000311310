-- A duplicate is also the same text with the same submission key from another address (the same
-- form, after the phone moved from Wi-Fi to mobile data): the intake's judge query looks those up
-- by the key's pseudonym, beside feedback_duplicate's look by client. Only the public form sends
-- a key, so the index holds only the rows that have one.
CREATE INDEX feedback_submission_key ON feedback (submission_key_hash) WHERE submission_key_hash IS NOT NULL;
