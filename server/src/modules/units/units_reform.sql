-- The statements of units_reform.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into units_reform.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kSetting
SELECT value FROM settings WHERE key = $1

-- name: kPutSetting
INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3)
ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at

-- name: kDatasetUnits
SELECT u.id, u.code, u.kind, p.code FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.dataset = $1

-- name: kLocalUnderDataset
SELECT u.id, u.parent_id FROM units u JOIN units p ON p.id = u.parent_id
WHERE u.dataset = 'local' AND u.active = 1 AND p.dataset = $1

-- name: kRetireInto
UPDATE units SET active = 0, successor_id = $2, retired_on = $3, updated_at = $4 WHERE id = $1

-- name: kMoveUnder
UPDATE units SET parent_id = $2, updated_at = $3 WHERE id = $1

-- name: kInsertLineage
INSERT INTO unit_lineage (reform, old_unit_id, new_unit_id, relation, note) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT DO NOTHING

-- name: kQueue
INSERT INTO unit_reassignments (reform, unit_id, from_unit_id, province_id, created_at) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT DO NOTHING
