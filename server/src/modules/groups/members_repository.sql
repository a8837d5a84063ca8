-- The statements of members_repository.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into members_repository.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kMembers
SELECT id, name, role, gender, birth_year, joined_on, left_on FROM group_members WHERE group_id = $1 ORDER BY
CASE role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, joined_on, id

-- name: kRatings
SELECT r.member_id, r.year, r.level FROM group_member_ratings r JOIN group_members m ON m.id = r.member_id
WHERE m.group_id = $1 ORDER BY r.year

-- name: kInsert
INSERT INTO group_members (group_id, name, role, gender, birth_year, joined_on, left_on, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id

-- name: kUpdate
UPDATE group_members SET role = $2, left_on = $3 WHERE id = $1

-- name: kSyncCount
UPDATE movement_groups SET members_count = (SELECT COUNT(*) FROM group_members WHERE group_id = $1 AND left_on IS NULL)
WHERE id = $1

-- name: kRate
INSERT INTO group_member_ratings (member_id, year, level, rated_by, rated_at) VALUES ($1, $2, $3, $4, $5)

-- name: kRerate
UPDATE group_member_ratings SET level = $3, rated_by = $4, rated_at = $5 WHERE member_id = $1 AND year = $2

-- name: kGroupOfMember
SELECT m.group_id, (SELECT COUNT(*) FROM group_member_ratings r WHERE r.member_id = m.id) FROM group_members m WHERE m.id = $1

-- name: kRemove
DELETE FROM group_members WHERE id = $1
