-- Customer groups the merchant manages (vip, wholesale...), and each customer's count of confirmed orders, both
-- announced in customer-upserted for read models such as cart-service's promotions.
CREATE TABLE customer_group (
    code        VARCHAR(64)   PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    description VARCHAR(1000),
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    version     BIGINT        NOT NULL
);

CREATE TABLE customer_group_member (
    customer_id UUID        NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    group_code  VARCHAR(64) NOT NULL REFERENCES customer_group (code) ON DELETE CASCADE,
    PRIMARY KEY (customer_id, group_code)
);
CREATE INDEX customer_group_member_group_idx ON customer_group_member (group_code);

ALTER TABLE customer ADD COLUMN confirmed_orders INTEGER NOT NULL DEFAULT 0;
