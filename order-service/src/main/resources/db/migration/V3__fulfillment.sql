-- After the sale: the order's lines as they ship, are delivered and come back; shipments; returns; money moved.
ALTER TABLE customer_order
    ADD COLUMN captured_amount   NUMERIC(19, 4) NOT NULL DEFAULT 0,
    ADD COLUMN refunded_amount   NUMERIC(19, 4) NOT NULL DEFAULT 0,
    ADD COLUMN last_delivered_at TIMESTAMPTZ;

-- Back-office listing by status, newest first (the keyset of every order listing).
CREATE INDEX customer_order_by_status ON customer_order (status, placed_at DESC, id DESC);

-- payable: the line's total after discounts, tax included: what its units capture and refund.
CREATE TABLE order_line (
    id        BIGSERIAL      PRIMARY KEY,
    order_id  UUID           NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    position  INT            NOT NULL,
    line_id   UUID,
    sku       VARCHAR(64)    NOT NULL,
    name      VARCHAR(255),
    quantity  INT            NOT NULL CHECK (quantity > 0),
    payable   NUMERIC(19, 4) NOT NULL,
    shipped   INT            NOT NULL DEFAULT 0,
    delivered INT            NOT NULL DEFAULT 0,
    returned  INT            NOT NULL DEFAULT 0,
    UNIQUE (order_id, position),
    CHECK (shipped <= quantity AND delivered <= shipped AND returned <= delivered)
);

CREATE TABLE shipment (
    id              UUID           PRIMARY KEY,
    order_id        UUID           NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    carrier         VARCHAR(64),
    tracking_number VARCHAR(128),
    capture_amount  NUMERIC(19, 4) NOT NULL,
    currency        CHAR(3)        NOT NULL,
    shipped_at      TIMESTAMPTZ    NOT NULL,
    delivered_at    TIMESTAMPTZ
);
CREATE INDEX shipment_by_order ON shipment (order_id, shipped_at);

CREATE TABLE shipment_line (
    shipment_id UUID        NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
    position    INT         NOT NULL,
    sku         VARCHAR(64) NOT NULL,
    quantity    INT         NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (shipment_id, position)
);

CREATE TABLE order_return (
    id            UUID           PRIMARY KEY,
    order_id      UUID           NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    reason        VARCHAR(500),
    status        VARCHAR(16)    NOT NULL,
    refund_amount NUMERIC(19, 4) NOT NULL,
    currency      CHAR(3)        NOT NULL,
    requested_at  TIMESTAMPTZ    NOT NULL,
    received_at   TIMESTAMPTZ,
    refunded_at   TIMESTAMPTZ,
    version       BIGINT         NOT NULL
);
CREATE INDEX order_return_by_order ON order_return (order_id, requested_at);

CREATE TABLE return_line (
    return_id UUID        NOT NULL REFERENCES order_return (id) ON DELETE CASCADE,
    position  INT         NOT NULL,
    sku       VARCHAR(64) NOT NULL,
    quantity  INT         NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (return_id, position)
);
