-- Stock per SKU per warehouse, the policy of each SKU, and the ledger every level can be recomputed from.
CREATE TABLE stock_item (
    id           UUID        PRIMARY KEY,
    sku          VARCHAR(64) NOT NULL,
    warehouse_id UUID        NOT NULL REFERENCES warehouse (id),
    on_hand      INTEGER     NOT NULL CHECK (on_hand >= 0),
    reserved     INTEGER     NOT NULL CHECK (reserved >= 0),
    version      BIGINT      NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (sku, warehouse_id)
);

CREATE TABLE sku_policy (
    sku                   VARCHAR(64) PRIMARY KEY,
    low_stock_threshold   INTEGER     NOT NULL CHECK (low_stock_threshold >= 0),
    backorderable         BOOLEAN     NOT NULL,
    expected_restock_date DATE,
    version               BIGINT      NOT NULL
);

CREATE TABLE stock_movement (
    id             BIGSERIAL    PRIMARY KEY,
    sku            VARCHAR(64)  NOT NULL,
    warehouse_id   UUID         NOT NULL REFERENCES warehouse (id),
    type           VARCHAR(16)  NOT NULL,
    on_hand_delta  INTEGER      NOT NULL,
    reserved_delta INTEGER      NOT NULL,
    reason         VARCHAR(500),
    reference      VARCHAR(255),
    created_by     VARCHAR(255) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL
);

CREATE INDEX stock_movement_by_sku ON stock_movement (sku, id);
