-- A report names the publication it is published with (its window and channels) and its signature;
-- a published version keeps both, so it never follows whichever publication came later.
ALTER TABLE report_draft
    ADD COLUMN publication_id        uuid,
    -- whether the problems not found by the inspection (自查发现, 回头看发现, 群众反映) get their own part
    ADD COLUMN include_other_sources boolean NOT NULL DEFAULT false,
    -- why the report lists fewer items than the plan declares (the notice: 46 declared, 16 published)
    ADD COLUMN totals_explanation    text;

ALTER TABLE report_version
    ADD COLUMN publication_id uuid,
    ADD COLUMN issuer         text,
    ADD COLUMN issued_on      date;
