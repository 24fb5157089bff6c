-- The checkout saga's state on the order, the checkout snapshot it was placed from, its lines, and its timeline.
ALTER TABLE customer_order ALTER COLUMN customer_id DROP NOT NULL;
ALTER TABLE customer_order
    ADD COLUMN email                  VARCHAR(254),
    ADD COLUMN payment_method         VARCHAR(255),
    ADD COLUMN current_attempt        UUID,
    ADD COLUMN authorized_attempt     UUID,
    ADD COLUMN on_hold                BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN decline_reason         VARCHAR(64),
    ADD COLUMN challenge              JSONB,
    ADD COLUMN cancel_reason          VARCHAR(32),
    ADD COLUMN reservation_expires_at TIMESTAMPTZ,
    ADD COLUMN payment_deadline_at    TIMESTAMPTZ,
    ADD COLUMN checkout               JSONB;

-- The payment deadline job scans only orders still waiting for a payment.
CREATE INDEX customer_order_payment_due ON customer_order (payment_deadline_at)
    WHERE status IN ('AWAITING_PAYMENT', 'ACTION_REQUIRED', 'PAYMENT_FAILED');

-- Human-friendly order numbers (C-100001, C-100002, ...): unique, short, never reused; gaps are harmless.
CREATE SEQUENCE order_number_seq START WITH 100001;

-- The lines inventory could not hold when it rejected the reservation.
CREATE TABLE order_short_line (
    order_id  UUID        NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    position  INT         NOT NULL,
    sku       VARCHAR(64) NOT NULL,
    requested INT         NOT NULL,
    available BIGINT      NOT NULL,
    PRIMARY KEY (order_id, position)
);

-- Every status change of an order, oldest first: the timeline its customer and the back office read.
CREATE TABLE order_status_change (
    id         BIGSERIAL   PRIMARY KEY,
    order_id   UUID        NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    status     VARCHAR(24) NOT NULL,
    detail     VARCHAR(255),
    changed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX order_status_change_by_order ON order_status_change (order_id, id);
