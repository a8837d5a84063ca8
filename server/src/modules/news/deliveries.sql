-- The statements of deliveries.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into deliveries.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kDuePosts
SELECT id FROM news_posts WHERE status = 'published' AND queued_at IS NULL AND published_at <= $1 ORDER BY id LIMIT 20

-- name: kMarkQueued
UPDATE news_posts SET queued_at = $2 WHERE id = $1 AND status = 'published' AND queued_at IS NULL

-- name: kPostForQueue
SELECT kind, priority FROM news_posts WHERE id = $1

-- The subscribers a post reaches: active, asking for its kind, whose unit lies in one of the
-- post's targets' subtrees (a target's path range: from its path to the path with '/' → '0').
-- name: kQueuePost
INSERT INTO news_deliveries (message, post_id, subscription_id, channel, reach, status, next_attempt_at, created_at)
SELECT 'post', $1, s.id, 'email', 1, $2, $3, $4 FROM news_subscriptions s JOIN units su ON su.id = s.unit_id
WHERE s.status = 'active' AND (',' || s.kinds || ',') LIKE $5
AND EXISTS (SELECT 1 FROM news_targets t JOIN units tu ON tu.id = t.unit_id WHERE t.post_id = $1
AND su.path >= tu.path AND su.path < substr(tu.path, 1, length(tu.path) - 1) || '0')

-- name: kCountSubscribers
SELECT COUNT(*) FROM news_subscriptions s JOIN units su ON su.id = s.unit_id
WHERE s.status = 'active' AND (',' || s.kinds || ',') LIKE $1 AND su.path >= $2 AND su.path < $3

-- name: kQueueConfirm
INSERT INTO news_deliveries (message, subscription_id, channel, reach, status, next_attempt_at, created_at)
VALUES ('confirm', $1, 'email', 1, 'queued', $2, $2)

-- name: kLastConfirm
SELECT MAX(created_at) FROM news_deliveries WHERE subscription_id = $1 AND message = 'confirm'

-- A batch of due rows, each claimed until $2 by this worker. PostgreSQL: rows another instance is
-- claiming right now are skipped, never waited for or taken twice. The ids are gathered once into
-- an array: as `id IN (subquery)` a plan cached while the table was empty re-ran the sorted
-- subquery for every row, and a 100,000-row broadcast stalled (bench/news.sh).
-- name: kClaimPostgres
UPDATE news_deliveries SET claimed_until = $2 WHERE id = ANY (ARRAY(SELECT id FROM news_deliveries
WHERE status IN ('queued', 'held') AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1)
ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED))
RETURNING id, message, post_id, subscription_id, channel, attempts, group_id

-- SQLite: one writer at a time, so the claim is already exclusive.
-- name: kClaimSqlite
UPDATE news_deliveries SET claimed_until = $2 WHERE id IN (SELECT id FROM news_deliveries
WHERE status IN ('queued', 'held') AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1)
ORDER BY next_attempt_at, id LIMIT $3)
RETURNING id, message, post_id, subscription_id, channel, attempts, group_id

-- name: kDone
UPDATE news_deliveries SET status = $2, attempts = attempts + $3, done_at = $4, last_error = $5, claimed_until = NULL WHERE id = $1

-- name: kRetry
UPDATE news_deliveries SET status = 'queued', attempts = attempts + 1, next_attempt_at = $2, last_error = $3, claimed_until = NULL
WHERE id = $1

-- name: kHold
UPDATE news_deliveries SET status = 'held', next_attempt_at = $2, claimed_until = NULL WHERE id = $1

-- name: kCancelPost
UPDATE news_deliveries SET status = 'cancelled', done_at = $2, claimed_until = NULL
WHERE post_id = $1 AND status IN ('queued', 'held')

-- name: kCancelSubscription
UPDATE news_deliveries SET status = 'cancelled', done_at = $2, claimed_until = NULL
WHERE subscription_id = $1 AND status IN ('queued', 'held')

-- name: kWarningsSince
SELECT COUNT(*) FROM news_deliveries d JOIN news_posts p ON p.id = d.post_id
WHERE d.subscription_id = $1 AND d.status = 'sent' AND d.done_at >= $2 AND p.kind = 'warning' AND p.priority > 1

-- name: kFailedRows
SELECT channel, done_at, attempts, last_error, status FROM news_deliveries
WHERE post_id = $1 AND status IN ('failed', 'bounced') ORDER BY id LIMIT 200

-- name: kPostForMail
SELECT p.kind, p.title, p.summary, p.body, p.priority, p.status, p.expires_at, u.full_name
FROM news_posts p JOIN units u ON u.id = p.unit_id WHERE p.id = $1

-- name: kSubscriptionForMail
SELECT s.email_sealed, s.status, s.confirmed_at, u.full_name, s.kinds FROM news_subscriptions s JOIN units u ON u.id = s.unit_id
WHERE s.id = $1
