-- Shared by every service (Flyway location classpath:db/platform). Versions here stay below 1 so
-- they run before a service's own migrations.

-- Transactional outbox: written in the transaction of the change, published by OutboxRelay.
CREATE TABLE outbox_event (
    seq            bigserial PRIMARY KEY,
    id             uuid        NOT NULL UNIQUE,
    topic          text        NOT NULL,
    aggregate_type text        NOT NULL,
    aggregate_id   text        NOT NULL,
    event_type     text        NOT NULL,
    envelope       jsonb       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    published_at   timestamptz
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

-- Idempotent consumption: an event id applied once per consumer.
CREATE TABLE consumed_event (
    consumer    text        NOT NULL,
    event_id    text        NOT NULL,
    consumed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Messages a consumer could not read or apply, with the reason.
CREATE TABLE dead_letter (
    id              bigserial PRIMARY KEY,
    consumer        text        NOT NULL,
    topic           text        NOT NULL,
    kafka_partition int         NOT NULL,
    kafka_offset    bigint      NOT NULL,
    event_id        text,
    event_type      text,
    reason          text        NOT NULL,
    payload         text,
    received_at     timestamptz NOT NULL DEFAULT now()
);
