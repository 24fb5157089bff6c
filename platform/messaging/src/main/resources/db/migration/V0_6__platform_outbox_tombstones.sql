-- A tombstone (a record without a value) is how a compacted topic forgets a key, e.g. an erased customer.
ALTER TABLE outbox_event ALTER COLUMN payload DROP NOT NULL;
