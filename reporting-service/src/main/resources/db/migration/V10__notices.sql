-- To-dos and notices (docs/notices.md). Not read models: a rebuild (which clears rm_*) keeps them,
-- so a replayed event never mails anyone twice (the unique keys below hold across replays,
-- restarts and instances).

-- Why someone is to be told, recorded by the event consumers in the transaction of the event:
-- whom (a role, optionally of one unit) and the staff-side facts of the notice. Never any
-- personal data of the public: feedback causes carry ids, category and dates only.
CREATE TABLE notice_cause (
    cause_key     text PRIMARY KEY,
    kind          text        NOT NULL,
    audience_role text        NOT NULL,
    audience_unit text,
    facts         jsonb       NOT NULL,
    occurred_at   timestamptz NOT NULL,
    recorded_at   timestamptz NOT NULL,
    -- set once the cause has been turned into one mail per person (and one webhook call)
    fanned_out_at timestamptz
);
CREATE INDEX notice_cause_pending ON notice_cause (recorded_at) WHERE fanned_out_at IS NULL;

-- One mail per cause and person: the unique key is what makes a notice (or a day's digest,
-- cause DIGEST|yyyy-MM-dd) go out once.
CREATE TABLE notice_mail (
    id              bigserial PRIMARY KEY,
    cause_key       text        NOT NULL,
    recipient       text        NOT NULL,
    address         text        NOT NULL,
    kind            text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    state           text        NOT NULL,
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    sent_at         timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL,
    CONSTRAINT notice_mail_once UNIQUE (cause_key, recipient)
);
CREATE INDEX notice_mail_pending ON notice_mail (next_attempt_at) WHERE state = 'PENDING';

-- One signed call per cause and configured endpoint; DEAD after the last try.
CREATE TABLE notice_webhook (
    id              bigserial PRIMARY KEY,
    cause_key       text        NOT NULL,
    endpoint        text        NOT NULL,
    body            text        NOT NULL,
    state           text        NOT NULL,
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    delivered_at    timestamptz,
    last_status     int,
    last_error      text,
    created_at      timestamptz NOT NULL,
    CONSTRAINT notice_webhook_once UNIQUE (cause_key, endpoint)
);
CREATE INDEX notice_webhook_pending ON notice_webhook (next_attempt_at) WHERE state = 'PENDING';

-- What a person wants to be told; no row: everything, digest on.
CREATE TABLE notice_preference (
    person     text PRIMARY KEY,
    digest     boolean     NOT NULL,
    muted      jsonb       NOT NULL,
    updated_at timestamptz NOT NULL
);
