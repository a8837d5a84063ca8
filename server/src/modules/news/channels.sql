-- The statements of channels.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into channels.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kGroupsIn
SELECT g.id, g.name, g.platform, g.members_count, u.code, u.full_name, g.channel_ref FROM movement_groups g
JOIN units u ON u.id = g.unit_id WHERE g.platform IN ('zalo', 'facebook') AND g.dissolved_on IS NULL
AND u.path >= $1 AND u.path < $2 ORDER BY u.path, g.name LIMIT 500

-- name: kGroup
SELECT g.id, g.name, g.platform, g.members_count, u.code, u.full_name, g.channel_ref, u.path, g.dissolved_on
FROM movement_groups g JOIN units u ON u.id = g.unit_id WHERE g.id = $1

-- name: kPostChannels
SELECT g.id, g.name, g.platform, g.members_count, u.code, u.full_name, g.channel_ref FROM news_post_channels c
JOIN movement_groups g ON g.id = c.group_id JOIN units u ON u.id = g.unit_id WHERE c.post_id = $1 ORDER BY g.name, g.id

-- name: kDeletePostChannels
DELETE FROM news_post_channels WHERE post_id = $1

-- name: kInsertPostChannel
INSERT INTO news_post_channels (post_id, group_id) VALUES ($1, $2)

-- A post's groups: sent through the connector (Zalo, with the group's id there, when configured),
-- otherwise recorded at once with the group's reach. $2: 1 when a Zalo connector is configured.
-- name: kQueueChannels
INSERT INTO news_deliveries (message, post_id, group_id, channel, reach, status, next_attempt_at, created_at, done_at)
SELECT 'post', $1, g.id, g.platform, g.members_count,
CASE WHEN g.platform = 'zalo' AND $2 = 1 AND COALESCE(g.channel_ref, '') <> '' THEN $3 ELSE 'recorded' END, $4, $5,
CASE WHEN g.platform = 'zalo' AND $2 = 1 AND COALESCE(g.channel_ref, '') <> '' THEN NULL ELSE $5 END
FROM news_post_channels c JOIN movement_groups g ON g.id = c.group_id WHERE c.post_id = $1

-- name: kGroupRef
SELECT channel_ref FROM movement_groups WHERE id = $1
