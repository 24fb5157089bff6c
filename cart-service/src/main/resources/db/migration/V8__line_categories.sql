-- Lines keep their product's categories in the snapshot: category promotions need no read-model lookup per read.
ALTER TABLE cart_line ADD COLUMN category_ids JSONB NOT NULL DEFAULT '[]';
UPDATE cart_line l SET category_ids = v.category_ids FROM sellable_variant v WHERE v.sku = l.sku;
