-- The statements of evaluations_repository.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into evaluations_repository.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kFind
SELECT e.id, e.unit_id, e.year, e.target_kind, e.criteria_set_id, e.status, e.results, e.result, e.evaluated_on, e.notes,
e.approver_unit_id, e.submitted_by, e.submitted_at, e.decided_by, e.decided_at, e.certificate_number, e.certificate_date,
e.created_by, e.created_at, e.updated_at FROM evaluations e WHERE e.id = $1

-- name: kInsert
INSERT INTO evaluations (unit_id, year, target_kind, criteria_set_id, set_code, status, results, evaluated_on, notes,
approver_unit_id, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'draft', '{}', $6, $7, $8, $9, $10, $10)
RETURNING id

-- name: kSave
UPDATE evaluations SET results = $2, result = $3, evaluated_on = $4, notes = $5, updated_at = $6 WHERE id = $1

-- name: kSubmitted
UPDATE evaluations SET status = 'submitted', result = $2, submitted_by = $3, submitted_at = $4, updated_at = $4 WHERE id = $1

-- name: kReturned
UPDATE evaluations SET status = 'returned', updated_at = $2 WHERE id = $1

-- name: kApproved
UPDATE evaluations SET status = 'approved', result = $2, decided_by = $3, decided_at = $4, certificate_number = $5,
certificate_date = $6, updated_at = $4 WHERE id = $1

-- name: kCertificatesIssued
SELECT COUNT(*) FROM evaluations WHERE approver_unit_id = $1 AND year = $2 AND certificate_number IS NOT NULL

-- name: kDeleteEvents
DELETE FROM evaluation_events WHERE evaluation_id = $1

-- name: kDelete
DELETE FROM evaluations WHERE id = $1

-- name: kAddEvent
INSERT INTO evaluation_events (evaluation_id, at, by_user, action, comment) VALUES ($1, $2, $3, $4, $5)

-- name: kEvents
SELECT at, by_user, action, comment FROM evaluation_events WHERE evaluation_id = $1 ORDER BY id

-- name: kRegistrationOf
SELECT id, registered_on, households_total, households_registered FROM evaluation_registrations WHERE unit_id = $1 AND year = $2

-- name: kSubunits
-- Residential areas, agencies, enterprises and schools under a commune: registered that year, and
-- recognised (an approved, passed evaluation against an official set).
SELECT COUNT(*),
COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM evaluation_registrations g WHERE g.unit_id = u.id AND g.year = $3) THEN 1 ELSE 0 END), 0),
COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM evaluations x JOIN evaluation_criteria_sets s ON s.id = x.criteria_set_id
WHERE x.unit_id = u.id AND x.year = $3 AND x.status = 'approved' AND x.result = 'passed' AND s.optional = 0) THEN 1 ELSE 0 END), 0)
FROM units u WHERE u.path >= $1 AND u.path < $2 AND u.active = 1 AND u.kind IN ('village', 'establishment')

-- name: kPending
-- The official evaluation of each unit this year (at most one: one per set, one official set per kind).
SELECT u.code, u.name, u.kind, u.subkind,
(SELECT 1 FROM evaluation_registrations g WHERE g.unit_id = u.id AND g.year = $3),
e.id, e.status, e.result
FROM units u LEFT JOIN (SELECT x.* FROM evaluations x JOIN evaluation_criteria_sets s ON s.id = x.criteria_set_id
WHERE x.year = $3 AND s.optional = 0) e ON e.unit_id = u.id
WHERE u.path >= $1 AND u.path < $2 AND u.active = 1 AND u.kind IN ('village', 'commune', 'establishment')
AND (e.id IS NULL OR e.status <> 'approved') ORDER BY u.path LIMIT 2000

-- name: kInsertRegistration
INSERT INTO evaluation_registrations (unit_id, year, registered_on, households_total, households_registered,
created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id

-- name: kUpdateRegistration
UPDATE evaluation_registrations SET registered_on = $2, households_total = $3, households_registered = $4,
updated_at = $5 WHERE id = $1
