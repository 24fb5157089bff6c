-- Privacy requests: exports (every service sends its part; the customer downloads one document) and erasures
-- (every service confirms). A request outlives an erased account: it holds the customer id, never the address.
CREATE TABLE privacy_request (
    id           UUID         PRIMARY KEY,
    customer_id  UUID         NOT NULL,
    kind         VARCHAR(8)   NOT NULL CHECK (kind IN ('EXPORT', 'ERASURE')),
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'READY', 'COMPLETED')),
    requested_by VARCHAR(255) NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL,
    completed_at TIMESTAMPTZ
);
CREATE INDEX privacy_request_customer_idx ON privacy_request (customer_id, requested_at);

-- The chunks of each service's part of an export (data), or a service's confirmation of an erasure (no data).
CREATE TABLE privacy_part (
    request_id  UUID        NOT NULL REFERENCES privacy_request (id) ON DELETE CASCADE,
    service     VARCHAR(64) NOT NULL,
    part        INTEGER     NOT NULL,
    parts       INTEGER     NOT NULL,
    data        JSONB,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (request_id, service, part)
);
