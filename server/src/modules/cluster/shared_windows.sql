-- The statements of shared_windows.cpp, each after its `-- name:` line.

-- Counts one event: in the key's window while it lasts, in a new one (ending $3) once it has
-- ended ($2 is now). Both SET expressions read the row as it was.
-- name: kAdd
INSERT INTO rate_windows (key, hits, ends_at) VALUES ($1, 1, $3)
ON CONFLICT (key) DO UPDATE SET
  hits = CASE WHEN rate_windows.ends_at <= $2 THEN 1 ELSE rate_windows.hits + 1 END,
  ends_at = CASE WHEN rate_windows.ends_at <= $2 THEN $3 ELSE rate_windows.ends_at END
RETURNING hits, ends_at

-- name: kCurrent
SELECT hits FROM rate_windows WHERE key = $1 AND ends_at > $2

-- name: kForgetEnded
DELETE FROM rate_windows WHERE ends_at <= $1
