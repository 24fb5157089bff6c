-- Reservations: an order's lines held against stock until they are committed, released or expire.
CREATE TABLE reservation (
    id         UUID         PRIMARY KEY,
    order_id   UUID         NOT NULL UNIQUE,
    status     VARCHAR(16)  NOT NULL,
    expires_at TIMESTAMPTZ,
    created_by VARCHAR(255) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    version    BIGINT       NOT NULL
);

-- The expiry job's work list: active reservations by due time.
CREATE INDEX reservation_due ON reservation (expires_at) WHERE status = 'ACTIVE';

-- Where each reserved unit sits: one row per SKU per warehouse it was allocated from.
CREATE TABLE reservation_line (
    reservation_id UUID        NOT NULL REFERENCES reservation (id) ON DELETE CASCADE,
    position       INTEGER     NOT NULL,
    sku            VARCHAR(64) NOT NULL,
    warehouse_id   UUID        NOT NULL REFERENCES warehouse (id),
    quantity       INTEGER     NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (reservation_id, position)
);

-- Why a reservation (or a commit after expiry) was refused: the short lines.
CREATE TABLE reservation_shortage (
    reservation_id UUID        NOT NULL REFERENCES reservation (id) ON DELETE CASCADE,
    position       INTEGER     NOT NULL,
    sku            VARCHAR(64) NOT NULL,
    requested      INTEGER     NOT NULL CHECK (requested > 0),
    available      INTEGER     NOT NULL CHECK (available >= 0),
    PRIMARY KEY (reservation_id, position)
);

-- Returns already put back on the shelf, so a return is restocked once whatever delivers it.
CREATE TABLE stock_return (
    return_id   UUID        PRIMARY KEY,
    order_id    UUID        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);

-- A backorderable SKU may be sold ahead of a restock: its on-hand count goes below zero until goods arrive.
-- The rule "never below zero without backorders" lives in StockItem, which knows the SKU's policy.
ALTER TABLE stock_item DROP CONSTRAINT stock_item_on_hand_check;
