-- Orders as the checkout saga will write them; amounts are exact decimals, never floating point.
CREATE TABLE customer_order (
    id           UUID           PRIMARY KEY,
    order_number VARCHAR(32)    NOT NULL UNIQUE,
    customer_id  VARCHAR(255)   NOT NULL,
    cart_id      UUID           NOT NULL,
    status       VARCHAR(24)    NOT NULL,
    currency     CHAR(3)        NOT NULL,
    grand_total  NUMERIC(19, 4) NOT NULL,
    version      BIGINT         NOT NULL,
    placed_at    TIMESTAMPTZ    NOT NULL,
    updated_at   TIMESTAMPTZ    NOT NULL
);

CREATE INDEX customer_order_by_customer ON customer_order (customer_id, placed_at DESC, id DESC);
CREATE INDEX customer_order_by_time ON customer_order (placed_at DESC, id DESC);
