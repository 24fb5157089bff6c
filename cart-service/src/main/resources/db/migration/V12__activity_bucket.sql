-- The abandonment and guest clean-up jobs find carts by the 5-minute interval of the shopper's last activity
-- (activity_bucket) instead of the exact times: a shopper's change then changes no indexed column as long as the
-- interval holds, so PostgreSQL updates the row in place (a HOT update) instead of adding an entry to every index of
-- the table. Before, every change moved updated_at and last_activity_at, both indexed, and no update was HOT.
ALTER TABLE cart ADD COLUMN activity_bucket TIMESTAMPTZ;
UPDATE cart SET activity_bucket = to_timestamp(floor(extract(epoch FROM last_activity_at) / 300) * 300);
ALTER TABLE cart ALTER COLUMN activity_bucket SET NOT NULL;
-- An instance of the previous version (a rolling deployment, a rollback) inserts carts without it and never moves it:
-- the jobs still find those carts by their exact times, at most one interval later than others.
ALTER TABLE cart ALTER COLUMN activity_bucket SET DEFAULT now();
DROP INDEX cart_inactive;
DROP INDEX cart_guest_by_update;
CREATE INDEX cart_inactive ON cart (activity_bucket) WHERE status = 'OPEN';
CREATE INDEX cart_guest_by_activity ON cart (activity_bucket) WHERE customer_id IS NULL;
-- Room on each page for the new versions of the rows a shopper is changing (a HOT update stays on its page).
ALTER TABLE cart SET (fillfactor = 90);
