-- A payment per order attempt, with its provider transactions. Amounts are NUMERIC, never floating point.
CREATE TABLE payment (
    id                 UUID          PRIMARY KEY,
    order_id           UUID          NOT NULL,
    attempt_id         UUID          NOT NULL UNIQUE,
    customer_id        VARCHAR(255)  NOT NULL,
    amount             NUMERIC(19,4) NOT NULL CHECK (amount > 0),
    currency           CHAR(3)       NOT NULL,
    method_token       VARCHAR(255)  NOT NULL,   -- the provider's token: never card data
    card_last4         CHAR(4),
    provider           VARCHAR(64)   NOT NULL,
    provider_reference VARCHAR(255),
    status             VARCHAR(24)   NOT NULL,
    decline_reason     VARCHAR(32),
    action_url         VARCHAR(2000),
    captured_amount    NUMERIC(19,4) NOT NULL CHECK (captured_amount >= 0),
    refunded_amount    NUMERIC(19,4) NOT NULL CHECK (refunded_amount >= 0 AND refunded_amount <= captured_amount),
    risk_score         INTEGER       NOT NULL CHECK (risk_score BETWEEN 0 AND 100),
    risk_rules         VARCHAR(1000) NOT NULL,
    flagged_for_review BOOLEAN       NOT NULL,
    review_decision    VARCHAR(16),
    billing_country    CHAR(2),
    shipping_country   CHAR(2),
    authorized_at      TIMESTAMPTZ,
    authorization_expires_at TIMESTAMPTZ,
    created_at         TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL,
    version            BIGINT        NOT NULL,
    CHECK (captured_amount <= amount)
);

-- At most one live authorization per order; a new attempt after a decline is a new row.
CREATE UNIQUE INDEX payment_one_live_per_order ON payment (order_id)
    WHERE status IN ('PENDING', 'ACTION_REQUIRED', 'AUTHORIZED', 'CAPTURED');
CREATE INDEX payment_by_order ON payment (order_id, created_at);
CREATE INDEX payment_by_customer ON payment (customer_id, created_at);
CREATE INDEX payment_by_method ON payment (method_token, created_at);
CREATE INDEX payment_by_reference ON payment (provider, provider_reference);
CREATE INDEX payment_pending ON payment (updated_at) WHERE status = 'PENDING';
CREATE INDEX payment_authorization_due ON payment (authorization_expires_at) WHERE status = 'AUTHORIZED';

CREATE TABLE payment_transaction (
    id                       UUID          PRIMARY KEY,
    payment_id               UUID          NOT NULL REFERENCES payment (id),
    type                     VARCHAR(16)   NOT NULL,
    amount                   NUMERIC(19,4) NOT NULL CHECK (amount >= 0),
    currency                 CHAR(3)       NOT NULL,
    operation_key            VARCHAR(255)  NOT NULL,  -- what asked for it: shipment, return, admin key
    provider_idempotency_key VARCHAR(255)  NOT NULL,  -- sent to the provider: a retry never charges twice
    provider_reference       VARCHAR(255),
    outcome                  VARCHAR(16)   NOT NULL,
    failure_code             VARCHAR(32),
    created_at               TIMESTAMPTZ   NOT NULL,
    completed_at             TIMESTAMPTZ,
    UNIQUE (payment_id, type, operation_key)
);

-- Provider notifications already applied: a replay is acknowledged and ignored.
CREATE TABLE provider_notification (
    provider        VARCHAR(64)  NOT NULL,
    notification_id VARCHAR(255) NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (provider, notification_id)
);
