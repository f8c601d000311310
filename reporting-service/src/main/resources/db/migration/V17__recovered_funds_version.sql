-- Recovered-funds entries can be corrected (RecoveredFundsCorrected), as outcomes can since V16: the
-- read model keeps the version it holds, so that only a newer one replaces it. Rows read before were
-- version 1.
ALTER TABLE rm_recovered_funds ADD COLUMN version bigint NOT NULL DEFAULT 1;
