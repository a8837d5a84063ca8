-- The statements of register_repository.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into register_repository.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kSelectHead
-- Statements are these with the register's tables and columns put in (the constructor).
SELECT r.id, un.code, un.name, un.path, r.created_by, r.created_at, r.updated_at

-- name: kUnitIdOf
SELECT unit_id FROM {table} WHERE id = $1

-- name: kDelete
DELETE FROM {table} WHERE id = $1

-- name: kDeleteCodes
-- The record's catalogue lists, in <table>_codes.
DELETE FROM {codes} WHERE record_id = $1

-- name: kInsertCode
INSERT INTO {codes} (record_id, field, code) VALUES ($1, $2, $3)

-- name: kSelectCodes
SELECT record_id, field, code FROM {codes} WHERE record_id IN ({ids}) ORDER BY record_id, field, code

-- name: kUnitKind
SELECT kind FROM units WHERE id = $1

-- name: kReferencedPath
SELECT un.path FROM {table} x JOIN units un ON un.id = x.unit_id WHERE x.id = $1
