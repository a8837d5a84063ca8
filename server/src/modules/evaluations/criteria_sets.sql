-- The statements of criteria_sets.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into criteria_sets.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kInsert
INSERT INTO evaluation_criteria_sets (code, version, target_kind, title, basis, optional, criteria, created_by, created_at, owner_path)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id
