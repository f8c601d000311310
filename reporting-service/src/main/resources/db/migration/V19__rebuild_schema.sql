-- Where a read-model rebuild replays into fresh tables before it swaps them in for the rm_* tables,
-- all in its one transaction (rebuild/FreshReadModels): empty between rebuilds.
CREATE SCHEMA IF NOT EXISTS rm_rebuild;
