-- The statements the SQLite backup and restore run through sqlite3 directly.

-- name: kQuickCheck
PRAGMA quick_check

-- name: kSchemaVersion
SELECT COALESCE(MAX(version), 0) FROM schema_migrations

-- name: kTableCount
SELECT count(*) FROM sqlite_master WHERE type = 'table'

-- name: kFastTarget
-- The backup's target is a new file renamed into place only once complete and fsync'd
-- (backup.cpp): it needs neither a rollback journal nor a sync per transaction.
PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF

-- name: kMappedSource
-- The source's pages read through a memory map rather than one read call each.
PRAGMA mmap_size = 1073741824

-- name: kOneFile
PRAGMA journal_mode = DELETE
