CREATE TABLE warehouse (
    id         UUID         PRIMARY KEY,
    code       VARCHAR(32)  NOT NULL UNIQUE,
    name       VARCHAR(200) NOT NULL,
    country    CHAR(2)      NOT NULL,
    priority   INTEGER      NOT NULL,
    active     BOOLEAN      NOT NULL,
    version    BIGINT       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);
