-- The database itself refuses negative availability for a SKU without backorders, beside the Java guard: each stock
-- item carries its SKU's backorder policy (written when the item is created and when the policy changes, never by
-- an ordinary update), and reserved units may exceed those on hand only where backorders are allowed.
ALTER TABLE stock_item ADD COLUMN backorderable BOOLEAN NOT NULL DEFAULT false;
UPDATE stock_item i SET backorderable = p.backorderable FROM sku_policy p WHERE p.sku = i.sku;
ALTER TABLE stock_item ADD CONSTRAINT stock_item_available_not_negative CHECK (backorderable OR reserved <= on_hand);
