-- Localized content: products and categories keep their content in the shop's default locale and a translation
-- per other locale (JSON keyed by BCP 47 tag); the translations' slugs get rows of their own so that a slug is
-- unique within its locale.
ALTER TABLE product ADD COLUMN translations JSONB NOT NULL DEFAULT '{}';
CREATE TABLE product_slug (
    product_id UUID         NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    locale     VARCHAR(35)  NOT NULL,
    slug       VARCHAR(200) NOT NULL,
    PRIMARY KEY (product_id, locale),
    CONSTRAINT product_slug_unique_per_locale UNIQUE (locale, slug)
);
CREATE INDEX product_slug_by_slug ON product_slug (slug);

ALTER TABLE category ADD COLUMN translations JSONB NOT NULL DEFAULT '{}';
CREATE TABLE category_slug (
    category_id UUID         NOT NULL REFERENCES category (id) ON DELETE CASCADE,
    locale      VARCHAR(35)  NOT NULL,
    slug        VARCHAR(200) NOT NULL,
    PRIMARY KEY (category_id, locale),
    CONSTRAINT category_slug_unique_per_locale UNIQUE (locale, slug)
);
CREATE INDEX category_slug_by_slug ON category_slug (slug);
