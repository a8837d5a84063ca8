-- The statements of public_news.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into public_news.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- A unit's live posts: those targeted at it or at any unit above it ($2…$6: the unit and its
-- ancestors, the last repeated to fill the five places). Warnings first, the urgent ones first,
-- then the newest.
-- name: kLive
SELECT p.id, p.kind, p.title, p.summary, p.priority, p.published_at, p.expires_at, p.body_html, p.updated_at
FROM news_posts p WHERE p.status = 'published' AND p.published_at <= $1 AND (p.expires_at IS NULL OR p.expires_at > $1)
AND EXISTS (SELECT 1 FROM news_targets t WHERE t.post_id = p.id AND t.unit_id IN ($2, $3, $4, $5, $6))
ORDER BY CASE WHEN p.kind = 'warning' THEN p.priority ELSE 9 END, p.published_at DESC, p.id DESC LIMIT $7

-- The target names of the posts kLive returns, with the same parameters: one query, not one per post.
-- name: kLiveTargetNames
SELECT t.post_id, u.full_name FROM news_targets t JOIN units u ON u.id = t.unit_id WHERE t.post_id IN (
SELECT p.id FROM news_posts p WHERE p.status = 'published' AND p.published_at <= $1 AND (p.expires_at IS NULL OR p.expires_at > $1)
AND EXISTS (SELECT 1 FROM news_targets x WHERE x.post_id = p.id AND x.unit_id IN ($2, $3, $4, $5, $6))
ORDER BY CASE WHEN p.kind = 'warning' THEN p.priority ELSE 9 END, p.published_at DESC, p.id DESC LIMIT $7)
ORDER BY t.post_id, u.path

-- name: kPost
SELECT p.id, p.kind, p.title, p.summary, p.priority, p.published_at, p.expires_at, p.body_html, p.updated_at, p.status
FROM news_posts p WHERE p.id = $1

-- name: kTargetNames
SELECT u.full_name FROM news_targets t JOIN units u ON u.id = t.unit_id WHERE t.post_id = $1 ORDER BY u.path

-- name: kCountView
INSERT INTO news_views (post_id, day, device) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING
