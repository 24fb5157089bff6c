-- Checkout details of a cart, and the merchant's shipping zones and methods.
ALTER TABLE cart ADD COLUMN email VARCHAR(254);
ALTER TABLE cart ADD COLUMN shipping_address JSONB;
ALTER TABLE cart ADD COLUMN billing_address JSONB;
ALTER TABLE cart ADD COLUMN shipping_method_id UUID;

CREATE TABLE shipping_zone (
    id         UUID          PRIMARY KEY,
    name       VARCHAR(100)  NOT NULL,
    countries  JSONB         NOT NULL,
    version    BIGINT        NOT NULL
);

-- Rates by weight bands (grams) or by order value bands, per currency; free above a per-currency threshold.
CREATE TABLE shipping_method (
    id          UUID          PRIMARY KEY,
    zone_id     UUID          NOT NULL REFERENCES shipping_zone (id),
    name        VARCHAR(100)  NOT NULL,
    basis       VARCHAR(16)   NOT NULL,
    bands       JSONB         NOT NULL,
    free_above  JSONB         NOT NULL DEFAULT '{}',
    active      BOOLEAN       NOT NULL,
    version     BIGINT        NOT NULL
);
CREATE INDEX shipping_method_by_zone ON shipping_method (zone_id);
