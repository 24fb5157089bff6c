-- Products with variants (one SKU each, a price per currency), media, related products and categories.
CREATE TABLE product (
    id           UUID         PRIMARY KEY,
    slug         VARCHAR(120) NOT NULL UNIQUE,
    name         VARCHAR(200) NOT NULL,
    description  TEXT,
    status       VARCHAR(16)  NOT NULL,
    tax_category VARCHAR(64),
    attributes   JSONB        NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);

CREATE TABLE product_category (
    product_id  UUID NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    category_id UUID NOT NULL REFERENCES category (id),
    PRIMARY KEY (product_id, category_id)
);
CREATE INDEX product_category_by_category ON product_category (category_id, product_id);

CREATE TABLE product_media (
    product_id UUID          NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    position   INTEGER       NOT NULL,
    url        VARCHAR(2000) NOT NULL,
    alt        VARCHAR(500),
    type       VARCHAR(8)    NOT NULL,
    PRIMARY KEY (product_id, position)
);

CREATE TABLE product_related (
    product_id UUID    NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    related_id UUID    NOT NULL REFERENCES product (id),
    PRIMARY KEY (product_id, position)
);

CREATE TABLE variant (
    id           UUID        PRIMARY KEY,
    product_id   UUID        NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    sku          VARCHAR(64) NOT NULL UNIQUE,
    options      JSONB       NOT NULL,
    weight_grams INTEGER     CHECK (weight_grams >= 0),
    active       BOOLEAN     NOT NULL,
    position     INTEGER     NOT NULL
);
CREATE INDEX variant_by_product ON variant (product_id, position);

CREATE TABLE variant_price (
    variant_id UUID          NOT NULL REFERENCES variant (id) ON DELETE CASCADE,
    currency   CHAR(3)       NOT NULL,
    amount     NUMERIC(19,4) NOT NULL CHECK (amount >= 0),
    compare_at NUMERIC(19,4) CHECK (compare_at > amount),
    PRIMARY KEY (variant_id, currency)
);
