-- 整改工作领导小组 and 第一责任人 of an inspection (members as JSON: role, position, name).
CREATE TABLE leading_group (
    inspection_id               uuid PRIMARY KEY REFERENCES inspection (id),
    version                     bigint       NOT NULL,
    first_responsible_position  varchar(200) NOT NULL,
    first_responsible_name      varchar(100),
    members                     text         NOT NULL,
    updated_at                  timestamptz  NOT NULL
);

-- 问责: people handled, counted by kind (no names), each from a document.
CREATE TABLE accountability_outcome (
    id             uuid PRIMARY KEY,
    inspection_id  uuid         NOT NULL REFERENCES inspection (id),
    problem_id     uuid REFERENCES problem (id),
    kind           varchar(40)  NOT NULL,
    people         int          NOT NULL CHECK (people >= 1),
    decided_on     date         NOT NULL,
    source         varchar(500) NOT NULL,
    created_at     timestamptz  NOT NULL
);
CREATE INDEX accountability_outcome_inspection ON accountability_outcome (inspection_id, decided_on);

-- 追回资金 / 挽回损失 in 万元, each from a document.
CREATE TABLE recovered_funds (
    id               uuid PRIMARY KEY,
    inspection_id    uuid           NOT NULL REFERENCES inspection (id),
    problem_id       uuid REFERENCES problem (id),
    kind             varchar(40)    NOT NULL,
    amount_wan_yuan  numeric(14, 4) NOT NULL CHECK (amount_wan_yuan > 0),
    recorded_on      date           NOT NULL,
    source           varchar(500)   NOT NULL,
    created_at       timestamptz    NOT NULL
);
CREATE INDEX recovered_funds_inspection ON recovered_funds (inspection_id, recorded_on);
