-- The statements of demo_seed.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into demo_seed.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kEarlierSeed
-- Any of these: the database was seeded before (earlier versions left one marker per module).
SELECT key FROM settings WHERE key IN ('demo.seeded', 'demo.tips', 'demo.movement', 'demo.evaluations')

-- name: kClaim
-- Claimed first: a concurrent seed on PostgreSQL waits here for ours and then finds it taken.
INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING key
