-- From LeadingGroupSet, AccountabilityOutcomeRecorded and FundsRecovered (tasks topic): positions and
-- counts only, as the public report words them.
CREATE TABLE rm_leading_group (
    inspection_id uuid PRIMARY KEY,
    version       bigint NOT NULL,
    data          jsonb  NOT NULL
);

CREATE TABLE rm_accountability_outcome (
    id            uuid PRIMARY KEY,
    inspection_id uuid   NOT NULL,
    problem_id    uuid,
    kind          text   NOT NULL,
    people        int    NOT NULL,
    decided_on    date,
    source        text
);
CREATE INDEX rm_accountability_outcome_inspection ON rm_accountability_outcome (inspection_id);

CREATE TABLE rm_recovered_funds (
    id              uuid PRIMARY KEY,
    inspection_id   uuid    NOT NULL,
    problem_id      uuid,
    kind            text    NOT NULL,
    amount_wan_yuan numeric NOT NULL,
    recorded_on     date,
    source          text
);
CREATE INDEX rm_recovered_funds_inspection ON rm_recovered_funds (inspection_id);
