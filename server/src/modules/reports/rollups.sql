-- The statements of rollups.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into rollups.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kUpsert
INSERT INTO rollup_buckets (node_id, grain, bucket, data) VALUES ($1, $2, $3, $4)
ON CONFLICT (node_id, grain, bucket) DO UPDATE SET data = excluded.data

-- Several ranges at once (rollups_series.cpp): kRangesSelect, then "(index, $n, $n+1, $n+2), …", then
-- kRangesJoin; each row answers its range's index.
-- (A CTE's column list: SQLite does not name a VALUES subquery's columns.)
-- name: kRangesSelect
WITH r (i, grain, lo, hi) AS (VALUES

-- name: kRangesJoin
) SELECT r.i, b.data FROM r JOIN rollup_buckets b ON b.node_id = $1 AND b.grain = r.grain AND b.bucket >= r.lo AND b.bucket <= r.hi

-- name: kPrefix
SELECT data FROM rollup_buckets WHERE node_id = $1 AND ((grain = 'y' AND bucket < $2) OR
(grain = 'm' AND bucket >= $3 AND bucket < $4) OR (grain = 'd' AND bucket >= $5 AND bucket <= $6))
