-- The report draft's version: its ETag, so two clerks saving the same draft cannot overwrite each
-- other (PUT needs If-Match once the draft exists; a stale one answers 412).
ALTER TABLE report_draft ADD COLUMN version bigint NOT NULL DEFAULT 0;
