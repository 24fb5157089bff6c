CREATE TABLE category (
    id         UUID         PRIMARY KEY,
    parent_id  UUID         REFERENCES category (id),
    slug       VARCHAR(120) NOT NULL UNIQUE,
    name       VARCHAR(200) NOT NULL,
    position   INTEGER      NOT NULL DEFAULT 0,
    version    BIGINT       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

CREATE INDEX category_parent ON category (parent_id);
