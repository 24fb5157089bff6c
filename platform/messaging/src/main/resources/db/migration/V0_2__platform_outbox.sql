-- platform/messaging: events written in the same transaction as the state change they describe, published to
-- Kafka afterwards by the relay (transactional outbox).
CREATE TABLE outbox_event (
    position     BIGSERIAL    PRIMARY KEY,          -- publication order
    id           UUID         NOT NULL UNIQUE,      -- ce_id
    topic        VARCHAR(249) NOT NULL,
    aggregate_id VARCHAR(255) NOT NULL,             -- Kafka key, ce_subject
    sequence     BIGINT       NOT NULL,             -- per aggregate: 1, 2, 3... (ce_sequence)
    event_type   VARCHAR(255) NOT NULL,             -- ce_type
    payload      TEXT         NOT NULL,             -- JSON
    occurred_at  TIMESTAMPTZ  NOT NULL,             -- ce_time
    traceparent  VARCHAR(64),
    request_id   VARCHAR(128),
    published_at TIMESTAMPTZ,
    UNIQUE (topic, aggregate_id, sequence)
);

CREATE INDEX outbox_event_unpublished ON outbox_event (position) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- The last sequence number handed out per aggregate; its row lock also orders concurrent writers of one aggregate.
CREATE TABLE outbox_aggregate (
    topic         VARCHAR(249) NOT NULL,
    aggregate_id  VARCHAR(255) NOT NULL,
    last_sequence BIGINT       NOT NULL,
    PRIMARY KEY (topic, aggregate_id)
);
