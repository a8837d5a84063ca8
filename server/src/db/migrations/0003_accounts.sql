-- Staff accounts (C2). Created here so `antq init` can make the administrator; roles, sessions,
-- tokens and the audit trail extend this in later migrations.
CREATE TABLE users (
  username TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,      -- libsodium Argon2id string
  role TEXT NOT NULL,
  unit_code TEXT,                   -- home unit (NULL: the whole country)
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
