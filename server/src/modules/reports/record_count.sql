-- The statements of record_count.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into record_count.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- The records of every capability counted by the reports, in a subtree (a path range).
-- name: kCountRecords
SELECT
  (SELECT COUNT(*) FROM activities x JOIN units u ON u.id = x.unit_id WHERE u.path >= $1 AND u.path < $2)
  + (SELECT COUNT(*) FROM opinions x JOIN units u ON u.id = x.unit_id WHERE u.path >= $1 AND u.path < $2)
  + (SELECT COUNT(*) FROM tips x JOIN units u ON u.id = x.unit_id WHERE u.path >= $1 AND u.path < $2)
  + (SELECT COUNT(*) FROM mediations x JOIN units u ON u.id = x.unit_id WHERE u.path >= $1 AND u.path < $2)
  + (SELECT COUNT(*) FROM reintegration_people x JOIN units u ON u.id = x.unit_id WHERE u.path >= $1 AND u.path < $2)
  + (SELECT COUNT(*) FROM movement_groups x JOIN units u ON u.id = x.unit_id WHERE u.path >= $1 AND u.path < $2)
  + (SELECT COUNT(*) FROM patrols x JOIN units u ON u.id = x.unit_id WHERE u.path >= $1 AND u.path < $2)
  + (SELECT COUNT(*) FROM models x JOIN units u ON u.id = x.unit_id WHERE u.path >= $1 AND u.path < $2)
  + (SELECT COUNT(*) FROM model_replications x JOIN units u ON u.id = x.unit_id WHERE u.path >= $1 AND u.path < $2)
  + (SELECT COUNT(*) FROM hotspots x JOIN units u ON u.id = x.unit_id WHERE u.path >= $1 AND u.path < $2)
  + (SELECT COUNT(*) FROM evaluations x JOIN units u ON u.id = x.unit_id WHERE u.path >= $1 AND u.path < $2)
  + (SELECT COUNT(*) FROM programs x JOIN units u ON u.id = x.unit_id WHERE u.path >= $1 AND u.path < $2)
  + (SELECT COUNT(*) FROM pledges x JOIN units u ON u.id = x.unit_id WHERE u.path >= $1 AND u.path < $2)
  + (SELECT COUNT(*) FROM awards x JOIN units u ON u.id = x.unit_id WHERE u.path >= $1 AND u.path < $2)
