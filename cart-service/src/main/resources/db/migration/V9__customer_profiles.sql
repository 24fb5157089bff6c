-- customer-service's view of each customer (customer-upserted on the compacted customer.v1): groups for group
-- promotions, and the confirmed-order count it keeps, which a new deployment reads whole from the compacted topic.
CREATE TABLE customer_profile (
    customer_id      VARCHAR(255) PRIMARY KEY,
    groups           TEXT[]       NOT NULL,
    confirmed_orders INTEGER      NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);
