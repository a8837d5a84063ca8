-- The statements of outbox.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into outbox.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kInsert
INSERT INTO outbox (channel, target, event, payload, created_at, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $5)

-- name: kWaiting
SELECT 1 FROM outbox WHERE channel = $1 AND target = $2 AND delivered_at IS NULL AND failed_at IS NULL

-- Takes the rows due now ($1) for this dispatcher until $2, unless another holds them: with several
-- instances on one PostgreSQL each row goes to one of them (SKIP LOCKED: none waits for another).
-- name: kClaimPostgres
UPDATE outbox SET claimed_until = $2 WHERE id = ANY (ARRAY(SELECT id FROM outbox
WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1)
ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED))
RETURNING id, channel, target, event, payload, attempts

-- SQLite: one writer at a time, so the claim is already exclusive.
-- name: kClaimSqlite
UPDATE outbox SET claimed_until = $2 WHERE id IN (SELECT id FROM outbox
WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1)
ORDER BY next_attempt_at, id LIMIT $3)
RETURNING id, channel, target, event, payload, attempts

-- name: kDelivered
UPDATE outbox SET delivered_at = $2, attempts = attempts + 1, claimed_until = NULL WHERE id = $1

-- name: kRetry
UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $2, last_error = $3, claimed_until = NULL WHERE id = $1

-- name: kFailed
UPDATE outbox SET attempts = attempts + 1, failed_at = $2, last_error = $3, claimed_until = NULL WHERE id = $1
