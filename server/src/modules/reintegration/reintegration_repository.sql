-- The statements of reintegration_repository.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into reintegration_repository.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kHistory
SELECT status, changed_on, changed_by FROM reintegration_status_changes WHERE person_id = $1 ORDER BY changed_on, id

-- name: kSessions
SELECT id, date, kind, helpers, notes, created_by FROM reintegration_sessions WHERE person_id = $1 ORDER BY date DESC, id DESC

-- name: kInsertSession
INSERT INTO reintegration_sessions (person_id, date, kind, helpers, notes, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id

-- name: kDeleteSession
DELETE FROM reintegration_sessions WHERE id = $1 AND person_id = $2 RETURNING id

-- name: kPersonOfSession
SELECT person_id FROM reintegration_sessions WHERE id = $1
