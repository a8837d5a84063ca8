-- The statements of tips_repository.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into tips_repository.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kInsert
INSERT INTO tips (tracking_code, secret_hash, unit_id, category, channel, description, search_text, place, lat, lng,
occurred_at, anonymous, reporter_sealed, status, received_at, received_by, settle_due_at, updated_at, held_for_review)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'received', $14, $15, $16, $14, $17) RETURNING id

-- name: kUpdate
UPDATE tips SET status = $2, status_reason = $3, assignee = $4, outcome_valid = $5, cases_solved = $6,
suspects_arrested = $7, wanted_caught = $8, transferred_to = $9, decision = $10, public_note = $11, decided_at = $12,
duplicate_of = $13, settle_due_at = $14, extensions = $15, transfer_required = $16, pass_on_due_at = $17,
passed_on_at = $18, passed_on_to = $19, updated_at = $20,
held_for_review = CASE WHEN $2 = 'received' THEN held_for_review ELSE 0 END WHERE id = $1

-- name: kMarkImported
UPDATE tips SET dup_checked = 1 WHERE id = $1

-- name: kTouchedSinceImport
SELECT (SELECT COUNT(*) FROM tip_messages WHERE tip_id = $1) + (SELECT COUNT(*) FROM tips WHERE duplicate_of = $1)
  + (SELECT COUNT(*) FROM tip_events WHERE tip_id = $1 AND kind NOT IN ('received', 'status', 'imported'))
  + (SELECT COUNT(*) FROM tips t WHERE t.id = $1
     AND t.updated_at > (SELECT MAX(e.at) FROM tip_events e WHERE e.tip_id = $1 AND e.kind = 'imported'))

-- name: kDeleteSuggestions
DELETE FROM tip_duplicate_suggestions WHERE tip_id = $1 OR other_id = $1

-- name: kDeleteEvents
DELETE FROM tip_events WHERE tip_id = $1

-- name: kDeleteTip
DELETE FROM tips WHERE id = $1
