-- A guest cart merged at sign-in names the customer cart it went into (a repeated merge answers that cart).
ALTER TABLE cart ADD COLUMN merged_into UUID;
