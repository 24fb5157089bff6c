-- The availability read model keeps the sequence of the level it applied in the SKU's row: one upsert per
-- stock-level-changed applies a newer level and ignores an older one, where a position row, a read and an update
-- of the level were three statements (four of these events per checkout).
ALTER TABLE stock_level ADD COLUMN sequence BIGINT NOT NULL DEFAULT 0;
UPDATE stock_level level SET sequence = position.last_sequence
FROM inbox_aggregate_position position
WHERE position.consumer = 'cart-service.stock-levels' AND position.aggregate_id = level.sku;
DELETE FROM inbox_aggregate_position WHERE consumer = 'cart-service.stock-levels';
