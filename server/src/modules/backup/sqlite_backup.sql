-- The statements the SQLite backup and restore run through sqlite3 directly.

-- name: kQuickCheck
PRAGMA quick_check

-- name: kSchemaVersion
SELECT COALESCE(MAX(version), 0) FROM schema_migrations

-- name: kTableCount
SELECT count(*) FROM sqlite_master WHERE type = 'table'

-- name: kOneFile
PRAGMA journal_mode = DELETE
