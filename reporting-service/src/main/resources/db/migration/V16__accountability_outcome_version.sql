-- Accountability outcomes can be corrected (AccountabilityOutcomeCorrected): the read model keeps the
-- version it holds, so that only a newer one replaces it. Rows read before were version 1.
ALTER TABLE rm_accountability_outcome ADD COLUMN version bigint NOT NULL DEFAULT 1;
