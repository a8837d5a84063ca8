-- The statements of replications_repository.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into replications_repository.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kList
SELECT r.id, un.code, un.name, r.started_on, r.ended_on, r.created_by FROM model_replications r
JOIN units un ON un.id = r.unit_id WHERE r.model_id = $1 AND un.path >= $2 AND un.path < $3 ORDER BY r.started_on, r.id

-- name: kInsert
INSERT INTO model_replications (model_id, unit_id, started_on, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id

-- name: kOpenHere
SELECT 1 FROM model_replications WHERE model_id = $1 AND unit_id = $2 AND ended_on IS NULL

-- name: kFind
SELECT r.started_on, r.ended_on, un.path FROM model_replications r JOIN units un ON un.id = r.unit_id
WHERE r.id = $1 AND r.model_id = $2

-- name: kEnd
UPDATE model_replications SET ended_on = $2 WHERE id = $1

-- name: kFindAny
SELECT r.model_id, un.path FROM model_replications r JOIN units un ON un.id = r.unit_id WHERE r.id = $1

-- name: kRemove
DELETE FROM model_replications WHERE id = $1
