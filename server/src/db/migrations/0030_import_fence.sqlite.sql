-- Which claim of an import batch is running it (issue 16): a runner that went silent and was taken
-- over holds an older number, and its progress and finish are refused (imports_repository.sql).
ALTER TABLE import_batches ADD COLUMN claim_token INTEGER NOT NULL DEFAULT 0;
