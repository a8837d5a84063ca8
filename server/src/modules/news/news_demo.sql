-- The statements of news_demo.cpp, each after its `-- name:` line.

-- name: kSeeded
SELECT 1 FROM settings WHERE key = 'demo.news'

-- name: kMarkSeeded
INSERT INTO settings (key, value, updated_at) VALUES ('demo.news', '1', $1)

-- name: kCommune
SELECT id FROM units WHERE code = $1 AND retired_on IS NULL

-- Published and already counted as sent (queued_at): a demo post is never e-mailed.
-- name: kInsertPost
INSERT INTO news_posts (unit_id, author, kind, title, summary, body, body_html, topics, priority, status, published_at, expires_at,
  queued_at, created_at, updated_at)
VALUES ($1, 'admin', $2, $3, $4, $5, $6, '[]', $7, 'published', $8, $9, $8, $8, $8) RETURNING id

-- name: kInsertTarget
INSERT INTO news_targets (post_id, unit_id) VALUES ($1, $2)
