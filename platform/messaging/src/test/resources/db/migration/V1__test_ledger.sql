-- The test application's own state: ledgers that record changes (producer side) and what a consumer applied.
CREATE TABLE test_ledger (
    ledger_id VARCHAR(64) PRIMARY KEY,
    changes   INTEGER     NOT NULL
);

CREATE TABLE test_applied (
    serial      BIGSERIAL    PRIMARY KEY,   -- the order effects were applied in
    event_id    VARCHAR(64)  NOT NULL,
    ledger_id   VARCHAR(64)  NOT NULL,
    sequence    BIGINT       NOT NULL,
    change_no   INTEGER      NOT NULL
);
