-- Values fraud screening refuses outright (customers, e-mail addresses, payment method fingerprints, countries).
CREATE TABLE blocklist_entry (
    id         UUID         PRIMARY KEY,
    kind       VARCHAR(24)  NOT NULL,
    value      VARCHAR(255) NOT NULL,
    reason     VARCHAR(500) NOT NULL,
    created_by VARCHAR(255) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    UNIQUE (kind, value)
);
