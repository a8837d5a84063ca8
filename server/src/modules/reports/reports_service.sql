-- The statements of reports_service.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into reports_service.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kInsertIssued
INSERT INTO reports (number, unit_id, period_from, period_to, title, issued_on, issued_by, signer, figures, assessment, direction,
heading, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id

-- name: kCountIssuedThisYear
SELECT COUNT(*) FROM reports WHERE unit_id = $1 AND issued_on >= $2
