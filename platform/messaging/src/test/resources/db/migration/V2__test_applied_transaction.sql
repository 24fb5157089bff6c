-- Which database transaction applied each change: shows whether a consumer applied a poll's batch together.
ALTER TABLE test_applied ADD COLUMN transaction_id BIGINT NOT NULL DEFAULT txid_current();
