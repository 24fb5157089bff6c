CREATE TABLE cart (
    id          UUID         PRIMARY KEY,
    customer_id VARCHAR(255),
    currency    CHAR(3)      NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

CREATE INDEX cart_customer ON cart (customer_id, created_at, id) WHERE customer_id IS NOT NULL;
