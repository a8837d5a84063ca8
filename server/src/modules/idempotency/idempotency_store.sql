-- The statements of idempotency_store.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into idempotency_store.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kSelect
SELECT fingerprint, status, content_type, body, created_at, acted FROM idempotency_keys WHERE caller = $1 AND key = $2

-- name: kInsert
INSERT INTO idempotency_keys (caller, key, fingerprint, created_at) VALUES ($1, $2, $3, $4)

-- The claim's time is its token (idempotency.hpp): a claim taken over has a newer one.
-- name: kComplete
UPDATE idempotency_keys SET status = $3, content_type = $4, body = $5 WHERE caller = $1 AND key = $2 AND created_at = $6

-- name: kTakeOver
UPDATE idempotency_keys SET created_at = $3 WHERE caller = $1 AND key = $2 AND status IS NULL AND acted = 0 AND created_at = $4

-- name: kActed
UPDATE idempotency_keys SET acted = 1 WHERE caller = $1 AND key = $2 AND created_at = $3

-- name: kDelete
DELETE FROM idempotency_keys WHERE caller = $1 AND key = $2 AND acted = 0 AND created_at = $3

-- name: kExpire
DELETE FROM idempotency_keys WHERE created_at < $1
