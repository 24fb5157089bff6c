-- platform/web: responses of creating POSTs, replayed for a repeated Idempotency-Key (kept 24 hours).
CREATE TABLE idempotency_record (
    principal        VARCHAR(255)  NOT NULL,
    http_method      VARCHAR(10)   NOT NULL,
    path             VARCHAR(1024) NOT NULL,
    idempotency_key  VARCHAR(255)  NOT NULL,
    request_hash     CHAR(64)      NOT NULL,
    response_status  INTEGER       NOT NULL,
    response_headers TEXT          NOT NULL,
    response_body    TEXT,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, http_method, path, idempotency_key)
);

CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
