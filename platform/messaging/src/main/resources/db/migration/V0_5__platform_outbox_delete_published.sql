-- The relay now deletes a row once the broker acknowledged it (Kafka holds the event from then on) instead of
-- marking it published and keeping it for days: marking wrote a new row version with four index entries per
-- event, the largest database cost of a busy outbox (bench/reservations/REPORT.md). Every row left is unpublished,
-- so the primary key (position) is the relay's scan, and the event id needs no index of its own.
DELETE FROM outbox_event WHERE published_at IS NOT NULL;
DROP INDEX outbox_event_unpublished;
DROP INDEX outbox_event_published;
ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_id_key;
ALTER TABLE outbox_event DROP COLUMN published_at;
