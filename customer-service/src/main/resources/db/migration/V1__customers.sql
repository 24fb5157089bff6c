-- Customer accounts: sign-in credentials, profile, address book.
CREATE TABLE customer (
    id                  UUID         PRIMARY KEY,
    -- normalised (trimmed, lower case): one account per address
    email               VARCHAR(254) NOT NULL UNIQUE,
    name                VARCHAR(200) NOT NULL,
    phone               VARCHAR(40),
    -- PHC string: $argon2id$v=19$m=...,t=...,p=...$salt$hash
    password_hash       VARCHAR(255) NOT NULL,
    email_verified      BOOLEAN      NOT NULL DEFAULT FALSE,
    status              VARCHAR(16)  NOT NULL CHECK (status IN ('ACTIVE', 'BLOCKED')),
    blocked_reason      VARCHAR(500),
    password_changed_at TIMESTAMPTZ  NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    version             BIGINT       NOT NULL
);
CREATE INDEX customer_created_idx ON customer (created_at, id);

CREATE TABLE customer_address (
    id               UUID         PRIMARY KEY,
    customer_id      UUID         NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    first_name       VARCHAR(100) NOT NULL,
    last_name        VARCHAR(100) NOT NULL,
    company          VARCHAR(200),
    line1            VARCHAR(200) NOT NULL,
    line2            VARCHAR(200),
    postal_code      VARCHAR(20)  NOT NULL,
    city             VARCHAR(100) NOT NULL,
    region           VARCHAR(100),
    country          CHAR(2)      NOT NULL,
    phone            VARCHAR(40),
    default_shipping BOOLEAN      NOT NULL DEFAULT FALSE,
    default_billing  BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX customer_address_customer_idx ON customer_address (customer_id, created_at, id);
-- at most one default of each kind per customer, held by the database too
CREATE UNIQUE INDEX customer_address_one_default_shipping ON customer_address (customer_id) WHERE default_shipping;
CREATE UNIQUE INDEX customer_address_one_default_billing ON customer_address (customer_id) WHERE default_billing;

-- A session is one sign-in: the family of refresh tokens that rotate from it. Revoking it ends every token of it.
CREATE TABLE customer_session (
    id                UUID        PRIMARY KEY,
    customer_id       UUID        NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    created_at        TIMESTAMPTZ NOT NULL,
    last_refreshed_at TIMESTAMPTZ NOT NULL,
    revoked_at        TIMESTAMPTZ,
    revoked_reason    VARCHAR(40)
);
CREATE INDEX customer_session_customer_idx ON customer_session (customer_id) WHERE revoked_at IS NULL;

-- Refresh tokens are opaque; only their SHA-256 is stored. A rotated token stays (rotated_at set) so that its reuse
-- is recognised and ends the whole session.
CREATE TABLE refresh_token (
    token_hash  VARCHAR(64) PRIMARY KEY,
    session_id  UUID        NOT NULL REFERENCES customer_session (id) ON DELETE CASCADE,
    issued_at   TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    rotated_at  TIMESTAMPTZ
);
CREATE INDEX refresh_token_session_idx ON refresh_token (session_id);

-- One-time tokens for e-mail verification and password reset, sent to the mailer only (customer.notification.v1).
CREATE TABLE one_time_token (
    token_hash  VARCHAR(64) PRIMARY KEY,
    customer_id UUID        NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    purpose     VARCHAR(24) NOT NULL CHECK (purpose IN ('EMAIL_VERIFICATION', 'PASSWORD_RESET')),
    email       VARCHAR(254) NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX one_time_token_customer_idx ON one_time_token (customer_id, purpose);

-- Failed sign-ins, per account (normalised e-mail, known or not) and per client address, for throttling.
CREATE TABLE sign_in_failure (
    id        BIGSERIAL    PRIMARY KEY,
    subject   VARCHAR(300) NOT NULL,
    failed_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX sign_in_failure_subject_idx ON sign_in_failure (subject, failed_at);
