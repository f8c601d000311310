-- Dead letters keep the message exactly as it was received: text refuses a NUL byte and invalid
-- UTF-8, and a message that cannot be recorded would hold its consumer at that offset for good.
ALTER TABLE dead_letter ALTER COLUMN payload TYPE bytea USING convert_to(payload, 'UTF8');
