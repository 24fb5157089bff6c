-- platform/messaging: events a consumer has applied (written in the same transaction as the effect, so a
-- redelivered event is skipped), the latest sequence a read model applied per aggregate, and dead letters.
CREATE TABLE inbox_event (
    consumer     VARCHAR(255) NOT NULL,
    event_id     VARCHAR(255) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX inbox_event_processed ON inbox_event (processed_at);

CREATE TABLE inbox_aggregate_position (
    consumer      VARCHAR(255) NOT NULL,
    aggregate_id  VARCHAR(255) NOT NULL,
    last_sequence BIGINT       NOT NULL,
    PRIMARY KEY (consumer, aggregate_id)
);

CREATE TABLE dead_letter (
    id           UUID          PRIMARY KEY,
    consumer     VARCHAR(255)  NOT NULL,
    topic        VARCHAR(249)  NOT NULL,
    partition_no INTEGER       NOT NULL,
    record_offset BIGINT       NOT NULL,
    record_key   VARCHAR(255),
    event_id     VARCHAR(255),
    event_type   VARCHAR(255),
    headers      TEXT          NOT NULL,
    payload      TEXT,
    error        VARCHAR(2000) NOT NULL,
    attempts     INTEGER       NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    redriven_at  TIMESTAMPTZ,
    UNIQUE (consumer, topic, partition_no, record_offset)
);

CREATE INDEX dead_letter_pending ON dead_letter (created_at, id) WHERE status = 'PENDING';
