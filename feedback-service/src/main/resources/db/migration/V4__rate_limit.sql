-- Per-client request counters on the public endpoints, shared by every instance of the service.
-- One row per kind and client: the period starts with the client's first request in it.
-- client_key is the HMAC pseudonym of the address, never the address. UNLOGGED: no WAL, so a
-- counter costs little; after a database crash the table is empty, which only forgives clients.
CREATE UNLOGGED TABLE rate_limit (
    kind          varchar(12)  NOT NULL,
    client_key    varchar(64)  NOT NULL,
    period_start  timestamptz  NOT NULL,
    hits          integer      NOT NULL,
    PRIMARY KEY (kind, client_key)
);
CREATE INDEX rate_limit_period ON rate_limit (period_start);
