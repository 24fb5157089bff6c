-- Checkout hand-off: the order a frozen cart is being turned into, until when, and the snapshot it was handed off
-- with (returned again for a retry of the same order). The shopper's locale travels with the snapshot.
ALTER TABLE cart ADD COLUMN locale VARCHAR(35);
ALTER TABLE cart ADD COLUMN checkout_order_id UUID;
ALTER TABLE cart ADD COLUMN checkout_deadline TIMESTAMPTZ;
ALTER TABLE cart ADD COLUMN checkout_snapshot JSONB;
CREATE INDEX cart_checkout_deadline ON cart (checkout_deadline) WHERE status = 'CHECKING_OUT';
CREATE UNIQUE INDEX cart_checkout_order ON cart (checkout_order_id) WHERE checkout_order_id IS NOT NULL;
