-- The statements of tip_notify.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into tip_notify.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kUpsert
INSERT INTO tip_notify_subscriptions (tip_id, email_sealed, email_hash, created_at) VALUES ($1, $2, $3, $4)
ON CONFLICT (tip_id) DO UPDATE SET email_sealed = excluded.email_sealed, email_hash = excluded.email_hash,
created_at = excluded.created_at

-- name: kDeleteSubscription
DELETE FROM tip_notify_subscriptions WHERE tip_id = $1

-- name: kDeleteTokens
DELETE FROM tip_notify_tokens WHERE tip_id = $1

-- name: kSubscribed
SELECT 1 FROM tip_notify_subscriptions WHERE tip_id = $1

-- name: kSealedAddress
SELECT email_sealed FROM tip_notify_subscriptions WHERE tip_id = $1

-- name: kTokenTip
SELECT tip_id FROM tip_notify_tokens WHERE token_hash = $1

-- name: kInsertToken
INSERT INTO tip_notify_tokens (token_hash, tip_id, created_at) VALUES ($1, $2, $3)

-- name: kTrackingCode
SELECT tracking_code FROM tips WHERE id = $1
