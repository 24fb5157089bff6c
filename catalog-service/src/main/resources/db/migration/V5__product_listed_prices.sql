-- A product's listed price per currency (the lowest price of an active variant), kept on every product change:
-- storefront lists filter and sort by it without computing it per product and request.
CREATE TABLE product_price (
    product_id UUID          NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    currency   CHAR(3)       NOT NULL,
    amount     NUMERIC(19,4) NOT NULL,
    PRIMARY KEY (product_id, currency)
);
CREATE INDEX product_price_by_currency ON product_price (currency, amount, product_id);

INSERT INTO product_price (product_id, currency, amount)
SELECT v.product_id, vp.currency, MIN(vp.amount)
FROM variant v JOIN variant_price vp ON vp.variant_id = v.id
WHERE v.active
GROUP BY v.product_id, vp.currency;
