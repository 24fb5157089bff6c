-- Storefront reads moved to each instance's search index (fed from the catalog and stock-level topics): the
-- full-text column, the listed-price table and the availability read model are no longer read or kept.
DROP INDEX IF EXISTS product_search;
ALTER TABLE product DROP COLUMN IF EXISTS search;
DROP TABLE IF EXISTS product_price;
DROP TABLE IF EXISTS sku_availability;
DROP INDEX IF EXISTS product_attributes;
DROP INDEX IF EXISTS variant_price_by_currency;
