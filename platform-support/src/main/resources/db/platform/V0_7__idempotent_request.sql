-- A create sent with an Idempotency-Key (platform idempotency.IdempotencyFilter): the first request
-- claims its key (IN_PROGRESS) before it runs and leaves its answer here (DONE), which a retry with
-- the same key and request gets again instead of a second record. A key is the caller's own: the
-- same key from another caller, or to another method or path, is another row. Kept for 24 hours
-- (IdempotencyKeys.EXPIRES_AFTER), then removed.
CREATE TABLE idempotent_request (
    principal       text        NOT NULL,
    method          text        NOT NULL,
    path            text        NOT NULL,
    idempotency_key text        NOT NULL,
    -- SHA-256 (hex) of the request's query and body: the same key with another request is refused
    fingerprint     text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('IN_PROGRESS', 'DONE')),
    created_at      timestamptz NOT NULL,
    status          int,
    content_type    text,
    location        text,
    etag            text,
    body            bytea,
    PRIMARY KEY (principal, method, path, idempotency_key),
    CONSTRAINT idempotent_request_answered CHECK ((state = 'DONE') = (status IS NOT NULL))
);
-- The hourly removal of expired keys.
CREATE INDEX idempotent_request_created ON idempotent_request (created_at);
