-- name: kAuditHeadKey
-- The key that signed the newest audit entry: an export signs its own entry only with the same key.
SELECT key_id FROM audit_log ORDER BY id DESC LIMIT 1
