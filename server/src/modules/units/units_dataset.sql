-- The statements of units_dataset.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into units_dataset.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kActiveListed
SELECT id, code, dataset FROM units WHERE active = 1 AND dataset <> 'local'

-- name: kLocalUnderRetired
SELECT u.id, p.successor_id FROM units u JOIN units p ON p.id = u.parent_id
WHERE u.dataset = 'local' AND u.active = 1 AND p.active = 0

-- name: kSetSuccessor
UPDATE units SET successor_id = $2 WHERE id = $1

-- name: kReactivate
UPDATE units SET active = 1, successor_id = NULL, retired_on = NULL, updated_at = $2 WHERE id = $1
