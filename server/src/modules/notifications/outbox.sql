-- The statements of outbox.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into outbox.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kInsert
INSERT INTO outbox (channel, target, event, payload, created_at, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $5)

-- name: kWaiting
SELECT 1 FROM outbox WHERE channel = $1 AND target = $2 AND delivered_at IS NULL AND failed_at IS NULL

-- name: kDue
SELECT id, channel, target, event, payload, attempts FROM outbox
WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT 50

-- name: kDelivered
UPDATE outbox SET delivered_at = $2, attempts = attempts + 1 WHERE id = $1

-- name: kRetry
UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $2, last_error = $3 WHERE id = $1

-- name: kFailed
UPDATE outbox SET attempts = attempts + 1, failed_at = $2, last_error = $3 WHERE id = $1
