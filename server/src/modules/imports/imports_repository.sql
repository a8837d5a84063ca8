-- The statements of imports_repository.cpp, each after its `-- name:` line (server/cmake/sql_header.py).

-- name: kInsertBatch
INSERT INTO import_batches (register, username, principal, unit_path, file_name, format, stored_name, sheet, mapping, status,
  total_rows, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'queued', $10, $11) RETURNING id

-- name: kBatchColumns
SELECT id, register, username, principal, unit_path, file_name, format, stored_name, sheet, mapping, status, total_rows, processed,
  created, updated, unchanged, refused, errors, message, undo_kept, created_at, started_at, finished_at, undone_at
FROM import_batches

-- The next batch to run: a queued one whose unit has none running, or one whose runner has not been
-- heard of since $1 (its instance died: batches resume, as after a restart).
-- name: kNextQueued
SELECT b.id FROM import_batches b
WHERE (b.status = 'queued' AND NOT EXISTS (SELECT 1 FROM import_batches r WHERE r.status = 'running' AND r.unit_path = b.unit_path
                                          AND r.heartbeat_at >= $1))
   OR (b.status = 'running' AND (b.heartbeat_at IS NULL OR b.heartbeat_at < $1))
ORDER BY b.id LIMIT 1

-- Each claim numbers itself one above the last (claim_token): the runner's fence.
-- name: kClaim
UPDATE import_batches SET status = 'running', started_at = $2, heartbeat_at = $2, claim_token = claim_token + 1
WHERE id = $1 AND (status = 'queued' OR (status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < $3)))
RETURNING claim_token

-- name: kRequeueRunning
UPDATE import_batches SET status = 'queued' WHERE status = 'running'

-- Progress and finish by the claim's runner only ($8, $12: its claim_token).
-- name: kProgress
UPDATE import_batches SET processed = $2, created = $3, updated = $4, unchanged = $5, refused = $6, heartbeat_at = $7
WHERE id = $1 AND status = 'running' AND claim_token = $8

-- name: kFinish
UPDATE import_batches SET status = $2, processed = $3, created = $4, updated = $5, unchanged = $6, refused = $7, errors = $8,
  failed_rows = $9, message = $10, finished_at = $11
WHERE id = $1 AND status = 'running' AND claim_token = $12

-- name: kFailedRows
SELECT failed_rows FROM import_batches WHERE id = $1

-- name: kRecordOfKey
SELECT record_id FROM import_rows WHERE register = $1 AND row_key = $2 ORDER BY batch_id LIMIT 1

-- name: kAnyKey
SELECT 1 FROM import_rows WHERE register = $1 LIMIT 1

-- name: kCreatedRecords
SELECT record_id FROM import_rows WHERE batch_id = $1 AND outcome = 'created' ORDER BY row_number

-- name: kForgetRow
DELETE FROM import_rows WHERE batch_id = $1 AND record_id = $2

-- name: kMarkUndone
UPDATE import_batches SET status = 'undone', undone_at = $2, undo_kept = $3 WHERE id = $1

-- name: kMapping
SELECT mapping FROM import_mappings WHERE username = $1 AND register = $2

-- name: kSaveMapping
INSERT INTO import_mappings (username, register, mapping, updated_at) VALUES ($1, $2, $3, $4)
ON CONFLICT (username, register) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at
