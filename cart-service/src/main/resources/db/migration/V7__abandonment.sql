-- When cart-abandoned was announced for the cart's current period of inactivity (activity after it starts a new one).
ALTER TABLE cart ADD COLUMN abandoned_at TIMESTAMPTZ;
CREATE INDEX cart_inactive ON cart (last_activity_at) WHERE status = 'OPEN';
CREATE INDEX cart_guest_by_update ON cart (updated_at) WHERE customer_id IS NULL;
