-- An event's created_at is the moment its row was written (clock_timestamp()), not its
-- transaction's start (now()): the relay's publish age counts from it (OutboxRelay), as it counted
-- from the envelope's time, which is also set as the event is written; the backlog's oldest age
-- (OutboxMetrics) is no older for a long transaction either.
ALTER TABLE outbox_event ALTER COLUMN created_at SET DEFAULT clock_timestamp();
