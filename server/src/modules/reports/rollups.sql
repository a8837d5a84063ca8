-- The statements of rollups.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into rollups.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kUpsert
INSERT INTO rollup_buckets (node_id, grain, bucket, data) VALUES ($1, $2, $3, $4)
ON CONFLICT (node_id, grain, bucket) DO UPDATE SET data = excluded.data

-- name: kMonthsBetween
SELECT bucket, data FROM rollup_buckets WHERE node_id = $1 AND grain = 'm' AND bucket >= $2 AND bucket <= $3
ORDER BY bucket

-- name: kDaysBetween
SELECT data FROM rollup_buckets WHERE node_id = $1 AND grain = 'd' AND bucket >= $2 AND bucket <= $3

-- name: kPrefix
SELECT data FROM rollup_buckets WHERE node_id = $1 AND ((grain = 'y' AND bucket < $2) OR
(grain = 'm' AND bucket >= $3 AND bucket < $4) OR (grain = 'd' AND bucket >= $5 AND bucket <= $6))

-- The sum up to a day of a node that keeps running sums: its years before, its months before
-- in the year, and the running sum of the last day with a bucket up to the day in its month.
-- name: kPrefixRunning
SELECT data FROM rollup_buckets WHERE node_id = $1 AND ((grain = 'y' AND bucket < $2) OR
(grain = 'm' AND bucket >= $3 AND bucket < $4))
UNION ALL
SELECT data FROM (SELECT data FROM rollup_buckets WHERE node_id = $1 AND grain = 'c' AND bucket >= $5 AND bucket <= $6
ORDER BY bucket DESC LIMIT 1) AS running

-- The running sum at a day: of the last day with a bucket from $2 (its month's first) to $3.
-- name: kRunningAt
SELECT data FROM rollup_buckets WHERE node_id = $1 AND grain = 'c' AND bucket >= $2 AND bucket <= $3
ORDER BY bucket DESC LIMIT 1

-- name: kRunningFrom
SELECT bucket, data FROM rollup_buckets WHERE node_id = $1 AND grain = 'c' AND bucket >= $2 AND bucket <= $3
ORDER BY bucket
