-- The statements of units_repository.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into units_repository.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kInsert
INSERT INTO units (code, dataset, name, full_name, kind, subkind, parent_id, path, depth, active, search_text,
sort_key, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, '', $8, 1, $9, $10, $11, $11) RETURNING id

-- name: kSetPath
UPDATE units SET path = $2, depth = $3 WHERE id = $1

-- name: kUpdateNames
UPDATE units SET name = $2, full_name = $3, subkind = $4, search_text = $5, sort_key = $6, updated_at = $7
WHERE id = $1

-- name: kSetParent
UPDATE units SET parent_id = $2, updated_at = $3 WHERE id = $1

-- name: kRetire
UPDATE units SET active = 0, successor_id = $2, retired_on = $3, updated_at = $4 WHERE id = $1

-- name: kAllLinks
SELECT id, parent_id, successor_id, active, path, depth FROM units

-- name: kLinksWithin
SELECT id, parent_id, successor_id, active, path, depth FROM units WHERE path >= $1 AND path < $2

-- name: kPathById
SELECT path, depth FROM units WHERE id = $1

-- name: kPgTreeLock
SELECT pg_advisory_xact_lock(7268002)

-- name: kCodesLike
SELECT code FROM units WHERE code LIKE $1 ESCAPE '\'
