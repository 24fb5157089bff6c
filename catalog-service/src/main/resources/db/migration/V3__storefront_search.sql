-- Storefront reads: full-text search over name, description and text attributes (weighted in that order), and
-- the availability read model kept from inventory.stock-level.v1.
ALTER TABLE product ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(name, '')), 'A')
    || setweight(to_tsvector('simple', coalesce(description, '')), 'B')
    || setweight(jsonb_to_tsvector('simple', attributes, '["string"]'), 'C')
) STORED;
CREATE INDEX product_search ON product USING GIN (search);
CREATE INDEX product_active_created ON product (created_at DESC, id) WHERE status = 'ACTIVE';
CREATE INDEX product_attributes ON product USING GIN (attributes jsonb_path_ops);
CREATE INDEX variant_price_by_currency ON variant_price (currency, amount);

-- What inventory last said about each SKU (stale events are ignored by sequence through the inbox).
CREATE TABLE sku_availability (
    sku                   VARCHAR(64) PRIMARY KEY,
    available             BIGINT      NOT NULL,
    status                VARCHAR(16) NOT NULL,
    expected_restock_date DATE,
    updated_at            TIMESTAMPTZ NOT NULL
);
