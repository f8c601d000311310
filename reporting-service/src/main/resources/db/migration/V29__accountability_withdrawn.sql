-- An accountability outcome or recovered-funds entry can be withdrawn (AccountabilityOutcomeWithdrawn,
-- RecoveredFundsWithdrawn): the row stays with the version it was withdrawn at, so that an older
-- version delivered late cannot bring it back, and every figure leaves it out.
ALTER TABLE rm_accountability_outcome ADD COLUMN withdrawn boolean NOT NULL DEFAULT false;
ALTER TABLE rm_recovered_funds ADD COLUMN withdrawn boolean NOT NULL DEFAULT false;
