-- The statements of duplicates.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into duplicates.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kPending
-- Tips not yet checked, with what the comparison needs; the commune is the nearest ancestor-or-self
-- of kind commune (or the unit itself for units outside a commune).
SELECT t.id, t.category, t.received_at, t.search_text, un.path FROM tips t JOIN units un ON un.id = t.unit_id
WHERE t.dup_checked = 0 ORDER BY t.id LIMIT 200

-- name: kCommunePath
SELECT path FROM units WHERE kind = 'commune' AND CAST($1 AS TEXT) LIKE path || '%' ORDER BY depth DESC LIMIT 1

-- name: kCandidates
SELECT t.id, t.search_text FROM tips t JOIN units un ON un.id = t.unit_id
WHERE un.path >= $1 AND un.path < $2 AND t.category = $3 AND t.id <> $4 AND t.received_at >= $5 AND t.received_at <= $6
AND t.status <> 'duplicate' ORDER BY t.id DESC LIMIT 200

-- Two finders may each meet the same pair from either end.
-- name: kInsert
INSERT INTO tip_duplicate_suggestions (tip_id, other_id, score) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING

-- Taken by one finder: with several instances the others find it done (PostgreSQL makes a second
-- one wait for the first's commit, then re-reads the row) and write nothing.
-- name: kChecked
UPDATE tips SET dup_checked = 1 WHERE id = $1 AND dup_checked = 0
