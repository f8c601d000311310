-- A published version keeps the disclosure window (as days in the publication's zone) and the contact
-- channels it was published with: feedback-service may still edit the publication afterwards (an office
-- extends a consultation), and what version N told the public must not follow that edit.
-- Versions published before this column existed have none (window_from is null): what they said is in
-- their html and markdown.
ALTER TABLE report_version
    ADD COLUMN window_from    date,
    ADD COLUMN window_to      date,
    ADD COLUMN phone          text,
    ADD COLUMN phone_hours    text,
    ADD COLUMN postal_address text,
    ADD COLUMN postal_code    text,
    ADD COLUMN email          text;
