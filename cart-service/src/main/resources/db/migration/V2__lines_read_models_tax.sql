-- Cart lines with their price snapshot, the read models the cart prices from (no calls on the hot path), and tax.

ALTER TABLE cart ADD COLUMN last_activity_at TIMESTAMPTZ;
UPDATE cart SET last_activity_at = updated_at;
ALTER TABLE cart ALTER COLUMN last_activity_at SET NOT NULL;
-- One open cart per customer: a second POST /carts by the customer returns the open one.
CREATE UNIQUE INDEX cart_open_per_customer ON cart (customer_id) WHERE customer_id IS NOT NULL AND status = 'OPEN';

CREATE TABLE cart_line (
    id                  UUID          PRIMARY KEY,
    cart_id             UUID          NOT NULL REFERENCES cart (id) ON DELETE CASCADE,
    sku                 VARCHAR(64)   NOT NULL,
    product_id          UUID          NOT NULL,
    name                VARCHAR(500)  NOT NULL,
    options             JSONB         NOT NULL DEFAULT '{}',
    image_url           VARCHAR(2048),
    quantity            INTEGER       NOT NULL CHECK (quantity > 0),
    unit_price          NUMERIC(19, 4) NOT NULL CHECK (unit_price >= 0),
    compare_at_price    NUMERIC(19, 4),
    previous_unit_price NUMERIC(19, 4),
    tax_category        VARCHAR(64),
    weight_grams        INTEGER,
    available           BOOLEAN       NOT NULL,
    unavailable_reason  VARCHAR(32),
    added_at            TIMESTAMPTZ   NOT NULL,
    UNIQUE (cart_id, sku)
);
CREATE INDEX cart_line_by_sku ON cart_line (sku);

-- Sellable variants as catalog-service last published them (catalog.product.v1).
CREATE TABLE sellable_variant (
    sku           VARCHAR(64)   PRIMARY KEY,
    product_id    UUID          NOT NULL,
    variant_id    UUID          NOT NULL,
    product_name  VARCHAR(500)  NOT NULL,
    options       JSONB         NOT NULL DEFAULT '{}',
    image_url     VARCHAR(2048),
    tax_category  VARCHAR(64),
    weight_grams  INTEGER,
    category_ids  JSONB         NOT NULL DEFAULT '[]',
    prices        JSONB         NOT NULL DEFAULT '{}',
    sellable      BOOLEAN       NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX sellable_variant_by_product ON sellable_variant (product_id);

-- What inventory last said of each SKU (inventory.stock-level.v1).
CREATE TABLE stock_level (
    sku           VARCHAR(64)  PRIMARY KEY,
    available     BIGINT       NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);

-- Confirmed orders per customer (order-confirmed on order.v1), for first-order and loyalty promotions.
CREATE TABLE customer_order_count (
    customer_id      VARCHAR(255) PRIMARY KEY,
    confirmed_orders INTEGER      NOT NULL
);

-- Tax: a rate per destination country and tax category; per currency, whether prices include tax.
CREATE TABLE tax_rate (
    id            UUID          PRIMARY KEY,
    country       CHAR(2)       NOT NULL,
    tax_category  VARCHAR(64)   NOT NULL,
    name          VARCHAR(100)  NOT NULL,
    rate_percent  NUMERIC(7, 4) NOT NULL CHECK (rate_percent >= 0 AND rate_percent <= 100),
    version       BIGINT        NOT NULL,
    UNIQUE (country, tax_category)
);

CREATE TABLE tax_setting (
    currency            CHAR(3)  PRIMARY KEY,
    prices_include_tax  BOOLEAN  NOT NULL,
    version             BIGINT   NOT NULL
);
