-- The public form's submission key (a random value the form draws for the text it composes), kept
-- only as its HMAC pseudonym: a duplicate's 409 names the earlier tracking code only to a request
-- that carries the same key, so the same form's double click or lost answer gets its code back
-- and no one else behind the same address does. Null for staff records, Open311 and clients
-- that send no key.
ALTER TABLE feedback ADD COLUMN submission_key_hash varchar(64);
