-- The database's own catalogue: every table, its columns and primary key, so that a table added
-- by a new module is exported without a change here.

-- name: kSqliteTables
SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'

-- name: kSqliteColumns
SELECT name, pk FROM pragma_table_info($1) ORDER BY cid

-- name: kPostgresTables
SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'

-- name: kPostgresColumns
SELECT column_name FROM information_schema.columns
WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position

-- name: kPostgresPrimaryKey
SELECT k.column_name FROM information_schema.table_constraints t
JOIN information_schema.key_column_usage k
  ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema AND k.table_name = t.table_name
WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = current_schema() AND t.table_name = $1
ORDER BY k.ordinal_position

-- name: kFetch
FETCH 500 FROM antq_export

-- name: kClose
CLOSE antq_export
