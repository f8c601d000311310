CREATE TABLE inspection (
    id                      uuid PRIMARY KEY,
    version                 bigint       NOT NULL,
    title                   varchar(200) NOT NULL,
    team                    varchar(200) NOT NULL,
    inspected_organisation  varchar(200) NOT NULL,
    kind                    varchar(20)  NOT NULL,
    on_site_from            date         NOT NULL,
    on_site_to              date         NOT NULL,
    feedback_date           date,
    created_at              timestamptz  NOT NULL,
    CONSTRAINT inspection_period CHECK (on_site_to >= on_site_from)
);
