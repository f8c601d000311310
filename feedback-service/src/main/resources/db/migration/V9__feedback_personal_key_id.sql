-- The id of the key that protects a row's personal data: its sealed contact details and its
-- pseudonyms (client_key, submission_key_hash). Written with the row (the current key's id), and
-- by the rekey run (personal.PersonalDataRekey), which re-seals a row's values under the current
-- key and clears the pseudonyms it cannot compute again once their window is over. Null when the
-- row holds neither. The rows stored before keys had ids are 'legacy': their values carry no key
-- id, and were sealed with the one key the service had then.
ALTER TABLE feedback ADD COLUMN personal_key_id varchar(16);
UPDATE feedback SET personal_key_id = 'legacy'
WHERE num_nonnulls(name_sealed, phone_sealed, email_sealed, address_sealed, client_key, submission_key_hash) > 0;
-- Which keys the stored rows need (StoredDataKeyCheck at every start, GET /admin/personal-data/keys)
-- and the rows still under a key that is not the current one (the rekey run's batches, in id
-- order): each reads only the index entries of the keys it asks for.
CREATE INDEX feedback_personal_key ON feedback (personal_key_id, id) WHERE personal_key_id IS NOT NULL;
