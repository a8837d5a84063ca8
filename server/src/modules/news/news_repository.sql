-- The statements of news_repository.cpp, each after its `-- name:` line. At configure time CMake
-- turns this file into news_repository.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kFind
SELECT p.id, p.unit_id, u.code, u.name, u.path, p.author, p.kind, p.title, p.summary, p.body, p.body_html, p.topics,
p.priority, p.status, p.publish_at, p.published_at, p.expires_at, p.withdrawn_at, p.queued_at, p.version, p.created_at,
p.updated_at FROM news_posts p JOIN units u ON u.id = p.unit_id WHERE p.id = $1

-- name: kList
SELECT p.id, p.unit_id, u.code, u.name, u.path, p.author, p.kind, p.title, p.summary, p.body, p.body_html, p.topics,
p.priority, p.status, p.publish_at, p.published_at, p.expires_at, p.withdrawn_at, p.queued_at, p.version, p.created_at,
p.updated_at FROM news_posts p JOIN units u ON u.id = p.unit_id
WHERE u.path >= $1 AND u.path < $2 AND (CAST($3 AS TEXT) IS NULL OR p.status = $3) AND (CAST($4 AS TEXT) IS NULL OR p.kind = $4)
ORDER BY p.id DESC LIMIT $5 OFFSET $6

-- name: kCount
SELECT COUNT(*) FROM news_posts p JOIN units u ON u.id = p.unit_id
WHERE u.path >= $1 AND u.path < $2 AND (CAST($3 AS TEXT) IS NULL OR p.status = $3) AND (CAST($4 AS TEXT) IS NULL OR p.kind = $4)

-- name: kInsert
INSERT INTO news_posts (unit_id, author, kind, title, summary, body, body_html, topics, priority, status, publish_at,
expires_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'draft', $10, $11, $12, $12) RETURNING id

-- name: kUpdateText
UPDATE news_posts SET kind = $2, title = $3, summary = $4, body = $5, body_html = $6, topics = $7, priority = $8,
publish_at = $9, expires_at = $10, version = version + 1, updated_at = $11 WHERE id = $1

-- name: kSetStatus
UPDATE news_posts SET status = $2, published_at = $3, withdrawn_at = $4, updated_at = $5 WHERE id = $1

-- name: kDelete
DELETE FROM news_posts WHERE id = $1

-- name: kTargets
SELECT u.id, u.code, u.name, u.full_name, u.path FROM news_targets t JOIN units u ON u.id = t.unit_id
WHERE t.post_id = $1 ORDER BY u.path

-- name: kDeleteTargets
DELETE FROM news_targets WHERE post_id = $1

-- name: kInsertTarget
INSERT INTO news_targets (post_id, unit_id) VALUES ($1, $2)

-- name: kInsertRevision
INSERT INTO news_revisions (post_id, version, at, by_user, title, summary, body) VALUES ($1, $2, $3, $4, $5, $6, $7)

-- name: kRevisions
SELECT version, at, by_user, title, summary, body FROM news_revisions WHERE post_id = $1 ORDER BY version DESC

-- name: kDeleteRevisions
DELETE FROM news_revisions WHERE post_id = $1

-- name: kRequiresApproval
SELECT requires_approval FROM news_unit_settings WHERE unit_id = $1

-- name: kUpsertSetting
INSERT INTO news_unit_settings (unit_id, requires_approval, updated_at, updated_by) VALUES ($1, $2, $3, $4)
ON CONFLICT (unit_id) DO UPDATE SET requires_approval = excluded.requires_approval, updated_at = excluded.updated_at,
updated_by = excluded.updated_by

-- name: kViews
SELECT COUNT(*) FROM news_views WHERE post_id = $1

-- name: kDeliveryFigures
SELECT status, COUNT(*), COALESCE(SUM(reach), 0) FROM news_deliveries WHERE post_id = $1 GROUP BY status
