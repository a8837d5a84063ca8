-- The statements of attachments_repository.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into attachments_repository.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kCount
SELECT COUNT(*) FROM attachments WHERE owner = $1 AND owner_id = $2

-- name: kInsert
INSERT INTO attachments (owner, owner_id, part, at, uploaded_by, kind, media_type, size, sha256, stored_name,
location_removed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id

-- name: kRemoveAll
DELETE FROM attachments WHERE owner = $1 AND owner_id = $2
