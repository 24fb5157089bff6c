-- A cart's codes live on its row, as a sorted JSON array: reading or changing a cart no longer needs a second
-- statement for them (the cart_coupon table did).
ALTER TABLE cart ADD COLUMN coupon_codes JSONB NOT NULL DEFAULT '[]'::jsonb;
UPDATE cart SET coupon_codes = codes.list
FROM (SELECT cart_id, jsonb_agg(code ORDER BY code) AS list FROM cart_coupon GROUP BY cart_id) codes
WHERE codes.cart_id = cart.id;
DROP TABLE cart_coupon;
