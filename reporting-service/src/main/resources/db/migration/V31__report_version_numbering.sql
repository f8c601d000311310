-- The numbers section 二 of a version printed, by the ledger's id (report/PublicNumbers: each area, finding and
-- measure with its parent, own number and title), so the draft can say which of them the progress page and the
-- feedback form, numbering what stands now, call otherwise since (ReportChecks.renumbered). Versions published
-- before stay null: their numbers are not read back out of their text, and the draft compares nothing for them.
ALTER TABLE report_version ADD COLUMN public_numbering jsonb;
