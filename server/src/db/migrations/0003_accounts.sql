-- Staff accounts (C2). The home unit is a unit id: the account's scope is that unit's subtree
-- (NULL: the whole country), and it follows the unit through renames and merges.
CREATE TABLE users (
  username TEXT PRIMARY KEY,
  display_name TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL DEFAULT '',  -- folded username and display name (search ignores diacritics)
  password_hash TEXT NOT NULL,      -- libsodium Argon2id string
  role TEXT NOT NULL,
  unit_id INTEGER REFERENCES units (id),
  disabled INTEGER NOT NULL DEFAULT 0,
  totp_secret TEXT,                 -- sealed with the data key
  totp_pending TEXT,                -- sealed; set during enrolment
  totp_enabled INTEGER NOT NULL DEFAULT 0,
  totp_last_step INTEGER NOT NULL DEFAULT 0,  -- a code is accepted only once
  last_login_at TEXT,
  password_changed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX users_unit ON users (unit_id);
