-- The statements of accounts_repository.cpp, each after its `-- name:` line. At configure time CMake turns
-- this file into accounts_repository.sql.hpp (server/cmake/sql_header.py): one constant a statement.

-- name: kCountUsers
SELECT COUNT(*) FROM users u LEFT JOIN units n ON n.id = u.unit_id
WHERE ((n.path >= $1 AND n.path < $2) OR ($1 = '/' AND u.unit_id IS NULL))
AND (CAST($3 AS TEXT) IS NULL OR u.search_text LIKE $3 ESCAPE '\')

-- name: kPermissions
SELECT permission FROM role_permissions WHERE role = $1 ORDER BY permission

-- name: kRoleExists
SELECT 1 FROM roles WHERE code = $1

-- name: kRoles
SELECT code, label FROM roles ORDER BY sort_order, code

-- name: kInsertUser
INSERT INTO users (username, display_name, search_text, password_hash, role, unit_id, disabled,
password_changed_at, created_at, updated_at, must_change_password) VALUES ($1, $2, $7, $3, $4, $5, 0, $6, $6, $6, $8)

-- name: kUpdateProfile
UPDATE users SET display_name = $2, role = $3, unit_id = $4, disabled = $5, updated_at = $6, search_text = $7
WHERE username = $1

-- name: kSetPassword
UPDATE users SET password_hash = $2, password_changed_at = $3, updated_at = $3, must_change_password = $4 WHERE username = $1

-- name: kSetRehash
UPDATE users SET password_hash = $2 WHERE username = $1

-- name: kSetTotp
UPDATE users SET totp_secret = $2, totp_pending = $3, totp_enabled = $4, updated_at = $5 WHERE username = $1

-- name: kSetTotpStep
UPDATE users SET totp_last_step = $2 WHERE username = $1

-- name: kClaimTotpStep
-- Accepts a step only if it is newer than the last one used (compare and set: no replay race).
UPDATE users SET totp_last_step = $2 WHERE username = $1 AND totp_last_step < $2

-- name: kSealedTotpSecrets
-- Key rotation: the sealed secrets, and the same values sealed again (nothing else changes).
SELECT username, totp_secret, totp_pending FROM users WHERE totp_secret IS NOT NULL OR totp_pending IS NOT NULL

-- name: kResealTotp
UPDATE users SET totp_secret = $2, totp_pending = $3 WHERE username = $1

-- name: kSetLastLogin
UPDATE users SET last_login_at = $2 WHERE username = $1

-- name: kFailures
SELECT failures, locked_until FROM login_failures WHERE username = $1

-- name: kCountFailure
-- One statement, so two instances counting the same name at once both count.
INSERT INTO login_failures (username, failures, locked_until, updated_at) VALUES ($1, 1, NULL, $2)
ON CONFLICT (username) DO UPDATE SET failures = login_failures.failures + 1, updated_at = excluded.updated_at
RETURNING failures

-- name: kLock
UPDATE login_failures SET failures = 0, locked_until = $2 WHERE username = $1

-- name: kResetExpired
UPDATE login_failures SET failures = 0, locked_until = NULL WHERE username = $1 AND locked_until <= $2

-- name: kClearFailures
DELETE FROM login_failures WHERE username = $1

-- name: kClearAllFailures
-- Failures are kept per "username|address": every address's lock of one account.
DELETE FROM login_failures WHERE username = $1 OR username LIKE $2 ESCAPE '\'

-- name: kLockedNow
SELECT username FROM login_failures WHERE locked_until > $1

-- name: kInsertSession
INSERT INTO sessions (token_hash, username, csrf_token, created_at, last_seen_at, expires_at)
VALUES ($1, $2, $3, $4, $4, $5)

-- name: kFindSession
SELECT username, csrf_token, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = $1

-- name: kTouchSession
UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1

-- name: kDeleteSession
DELETE FROM sessions WHERE token_hash = $1

-- name: kDeleteSessionsOf
DELETE FROM sessions WHERE username = $1

-- name: kInsertToken
INSERT INTO api_tokens (id, token_hash, username, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)

-- name: kFindTokenByHash
SELECT id, username, expires_at, revoked_at, last_used_at FROM api_tokens WHERE token_hash = $1

-- name: kFindTokenById
SELECT id, username, expires_at, revoked_at, last_used_at FROM api_tokens WHERE id = $1

-- name: kRevokeToken
UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL

-- name: kTouchToken
UPDATE api_tokens SET last_used_at = $2 WHERE id = $1

-- name: kHomes
SELECT username, unit_id FROM users WHERE unit_id IS NOT NULL

-- name: kSetHomeUnit
UPDATE users SET unit_id = $2, updated_at = $3 WHERE username = $1
