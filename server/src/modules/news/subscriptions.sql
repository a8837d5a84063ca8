-- The statements of subscriptions.cpp, each after its `-- name:` line. At configure time CMake
-- turns this file into subscriptions.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kFindByHash
SELECT id, status FROM news_subscriptions WHERE unit_id = $1 AND email_hash = $2

-- name: kInsert
INSERT INTO news_subscriptions (unit_id, email_sealed, email_hash, kinds, status, created_at)
VALUES ($1, $2, $3, $4, 'pending', $5) RETURNING id

-- name: kRenew
UPDATE news_subscriptions SET status = 'pending', kinds = $2, email_sealed = $3, created_at = $4, confirmed_at = NULL,
ended_at = NULL WHERE id = $1

-- name: kSetKinds
UPDATE news_subscriptions SET kinds = $2 WHERE id = $1

-- name: kInsertToken
INSERT INTO news_tokens (token_hash, subscription_id, purpose, created_at) VALUES ($1, $2, $3, $4)

-- name: kTokenSubscription
SELECT subscription_id, created_at FROM news_tokens WHERE token_hash = $1 AND purpose = $2

-- name: kDeleteTokens
DELETE FROM news_tokens WHERE subscription_id = $1

-- name: kActivate
UPDATE news_subscriptions SET status = 'active', confirmed_at = $2 WHERE id = $1 AND status = 'pending'

-- name: kSubscription
SELECT s.unit_id, s.kinds, s.status, s.confirmed_at, u.code, u.name, u.full_name
FROM news_subscriptions s JOIN units u ON u.id = s.unit_id WHERE s.id = $1

-- name: kEnd
UPDATE news_subscriptions SET status = 'ended', ended_at = $2 WHERE id = $1 AND status <> 'ended'
