-- Promotions (automatic or unlocked by codes), their codes, the codes on carts, and the usages checkouts redeem.
CREATE TABLE promotion (
    id                  UUID          PRIMARY KEY,
    name                VARCHAR(200)  NOT NULL,
    description         TEXT,
    automatic           BOOLEAN       NOT NULL,
    active              BOOLEAN       NOT NULL,
    priority            INTEGER       NOT NULL,
    exclusive           BOOLEAN       NOT NULL,
    combinable          BOOLEAN       NOT NULL,
    starts_at           TIMESTAMPTZ,
    ends_at             TIMESTAMPTZ,
    usage_limit         INTEGER       CHECK (usage_limit > 0),
    per_customer_limit  INTEGER       CHECK (per_customer_limit > 0),
    conditions          JSONB         NOT NULL,
    action              JSONB         NOT NULL,
    version             BIGINT        NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL
);
CREATE INDEX promotion_automatic ON promotion (priority) WHERE automatic AND active;

CREATE TABLE promotion_code (
    code          VARCHAR(64)  PRIMARY KEY,
    promotion_id  UUID         NOT NULL REFERENCES promotion (id) ON DELETE CASCADE,
    usage_limit   INTEGER      CHECK (usage_limit > 0),
    created_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX promotion_code_by_promotion ON promotion_code (promotion_id, code);

CREATE TABLE cart_coupon (
    cart_id  UUID         NOT NULL REFERENCES cart (id) ON DELETE CASCADE,
    code     VARCHAR(64)  NOT NULL,
    PRIMARY KEY (cart_id, code)
);

-- One usage per promotion and order; REDEEMED ones count towards the limits, RELEASED ones (order never placed,
-- or cancelled) do not.
CREATE TABLE promotion_usage (
    id            UUID          PRIMARY KEY,
    promotion_id  UUID          NOT NULL REFERENCES promotion (id) ON DELETE CASCADE,
    code          VARCHAR(64),
    order_id      UUID          NOT NULL,
    cart_id       UUID          NOT NULL,
    customer_key  VARCHAR(320)  NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    redeemed_at   TIMESTAMPTZ   NOT NULL,
    released_at   TIMESTAMPTZ,
    UNIQUE (promotion_id, order_id)
);
CREATE INDEX promotion_usage_redeemed ON promotion_usage (promotion_id, customer_key) WHERE status = 'REDEEMED';
CREATE INDEX promotion_usage_by_code ON promotion_usage (code) WHERE status = 'REDEEMED';
CREATE INDEX promotion_usage_by_order ON promotion_usage (order_id);
