-- The outbox is a queue: every row is inserted, updated once when published, deleted after retention. Vacuum it
-- after a fixed number of changes rather than a fraction of the table, so the relay's scan of unpublished rows
-- never wades through a growing tail of dead index entries (measured: bench/reservations/REPORT.md).
ALTER TABLE outbox_event SET (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 2000,
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 5000,
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0
);
