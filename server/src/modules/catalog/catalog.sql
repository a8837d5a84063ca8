-- The statements of catalog.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into catalog.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kItems
SELECT kind, code, label, label_en, sort_order, active, owner_path FROM catalog_items WHERE kind = $1 ORDER BY sort_order, code

-- name: kFind
SELECT kind, code, label, label_en, sort_order, active, owner_path FROM catalog_items WHERE kind = $1 AND code = $2

-- name: kActive
SELECT owner_path FROM catalog_items WHERE kind = $1 AND code = $2 AND active = 1

-- name: kInsert
INSERT INTO catalog_items (kind, code, label, label_en, sort_order, active, owner_path) VALUES ($1, $2, $3, $4,
(SELECT COALESCE(MAX(sort_order), 0) + 10 FROM catalog_items WHERE kind = $1 AND code <> 'other'), 1, $5)

-- name: kUpdate
UPDATE catalog_items SET label = $3, label_en = $4, active = $5 WHERE kind = $1 AND code = $2
