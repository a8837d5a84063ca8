-- The statements of unit_lineage.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into unit_lineage.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kPendingCount
SELECT COUNT(*) FROM unit_reassignments q JOIN units u ON u.id = q.unit_id
WHERE q.assigned_to IS NULL AND u.path >= $1 AND u.path < $2

-- name: kPending
SELECT q.id, q.reform, q.unit_id, q.from_unit_id, q.province_id, q.assigned_to
FROM unit_reassignments q JOIN units u ON u.id = q.unit_id JOIN units f ON f.id = q.from_unit_id
WHERE q.assigned_to IS NULL AND u.path >= $1 AND u.path < $2
ORDER BY q.province_id, f.sort_key, q.from_unit_id, CASE WHEN q.unit_id = q.from_unit_id THEN 0 ELSE 1 END, u.sort_key, q.id
LIMIT $3 OFFSET $4

-- name: kItem
SELECT id, reform, unit_id, from_unit_id, province_id, assigned_to FROM unit_reassignments WHERE id = $1

-- name: kCandidates
SELECT n.code, n.name, n.full_name, l.relation, l.note FROM unit_lineage l JOIN units n ON n.id = l.new_unit_id
WHERE l.old_unit_id = $1 ORDER BY n.sort_key, n.id

-- name: kProvinceCommunes
SELECT code, name, full_name FROM units WHERE parent_id = $1 AND active = 1 AND kind = 'commune' ORDER BY sort_key, id

-- name: kAssign
UPDATE unit_reassignments SET assigned_to = $2, assigned_by = $3, assigned_at = $4 WHERE id = $1 AND assigned_to IS NULL

-- name: kSetSuccessor
UPDATE units SET successor_id = $2, updated_at = $3 WHERE id = $1

-- name: kPendingUnder
SELECT unit_id FROM unit_reassignments WHERE assigned_to IS NULL AND province_id = $1 ORDER BY id
