-- The statements of audit_log.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into audit_log.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kLast
SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1

-- name: kInsert
INSERT INTO audit_log (id, at, actor, action, entity, entity_id, unit_path, unit_code, reason, request_id,
details, key_id, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)

-- name: kBounds
SELECT COALESCE(MIN(id), 1), COALESCE(MAX(id), 0), COUNT(*) FROM audit_log

-- name: kPage
SELECT id, at, actor, action, entity, entity_id, unit_path, unit_code, reason, request_id, details, key_id,
prev_hash, hash FROM audit_log WHERE id > $1 ORDER BY id LIMIT 2000

-- name: kPgLock
-- Every process writing the audit chain of one PostgreSQL database takes this lock in turn.
SELECT pg_advisory_xact_lock(7268003)
