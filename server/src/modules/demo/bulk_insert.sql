-- The statements of bulk_insert.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into bulk_insert.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kPgNextIds
SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2)
