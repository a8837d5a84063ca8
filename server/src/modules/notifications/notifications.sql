-- The statements of notifications.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into notifications.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kInsert
INSERT INTO notifications (username, kind, entity, entity_id, label, created_at) VALUES ($1, $2, $3, $4, $5, $6)

-- name: kList
SELECT id, kind, entity, entity_id, label, created_at, read_at FROM notifications WHERE username = $1
ORDER BY id DESC LIMIT $2

-- name: kUnread
SELECT COUNT(*) FROM notifications WHERE username = $1 AND read_at IS NULL

-- name: kReadAll
UPDATE notifications SET read_at = $2 WHERE username = $1 AND read_at IS NULL

-- name: kReadOne
UPDATE notifications SET read_at = $3 WHERE username = $1 AND id = $2 AND read_at IS NULL
