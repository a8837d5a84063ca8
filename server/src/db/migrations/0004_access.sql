-- Accounts, roles, sessions, API tokens and login throttling (C2).

-- Roles and their permissions are data, so a province can add a role without a release.
CREATE TABLE roles (
  code TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE role_permissions (
  role TEXT NOT NULL REFERENCES roles (code),
  permission TEXT NOT NULL,
  PRIMARY KEY (role, permission)
);

INSERT INTO roles (code, label, sort_order) VALUES
  ('admin', 'Quản trị viên', 1),
  ('steering', 'Ban Chỉ đạo', 2),
  ('front_officer', 'Cán bộ Mặt trận', 3),
  ('police_officer', 'Cán bộ Công an', 4),
  ('village_officer', 'Cán bộ thôn, tổ dân phố', 5);

-- admin: everything, within its own subtree.
INSERT INTO role_permissions (role, permission) VALUES
  ('admin', 'units.write'), ('admin', 'users.manage'), ('admin', 'audit.read'), ('admin', 'reports.read'),
  ('admin', 'movement.read'), ('admin', 'activities.write'), ('admin', 'opinions.write'), ('admin', 'models.write'),
  ('admin', 'groups.write'), ('admin', 'patrols.write'), ('admin', 'mediations.read'), ('admin', 'mediations.write'),
  ('admin', 'programs.write'), ('admin', 'pledges.write'), ('admin', 'awards.write'), ('admin', 'evaluations.write'),
  ('admin', 'tips.read'), ('admin', 'tips.write'), ('admin', 'tips.reveal'), ('admin', 'reintegration.read'),
  ('admin', 'reintegration.write'), ('admin', 'reintegration.reveal'), ('admin', 'hotspots.write'),
  ('steering', 'reports.read'), ('steering', 'movement.read'), ('steering', 'mediations.read'),
  ('steering', 'tips.read'), ('steering', 'reintegration.read'),
  ('front_officer', 'movement.read'), ('front_officer', 'reports.read'), ('front_officer', 'activities.write'),
  ('front_officer', 'opinions.write'), ('front_officer', 'models.write'), ('front_officer', 'groups.write'),
  ('front_officer', 'programs.write'), ('front_officer', 'pledges.write'), ('front_officer', 'evaluations.write'),
  ('front_officer', 'awards.write'), ('front_officer', 'mediations.read'), ('front_officer', 'mediations.write'),
  ('police_officer', 'movement.read'), ('police_officer', 'reports.read'), ('police_officer', 'tips.read'),
  ('police_officer', 'tips.write'), ('police_officer', 'tips.reveal'), ('police_officer', 'reintegration.read'),
  ('police_officer', 'reintegration.write'), ('police_officer', 'hotspots.write'), ('police_officer', 'patrols.write'),
  ('police_officer', 'mediations.read'),
  ('village_officer', 'movement.read'), ('village_officer', 'activities.write'), ('village_officer', 'patrols.write'),
  ('village_officer', 'mediations.read'), ('village_officer', 'mediations.write'), ('village_officer', 'groups.write');

-- Failed logins by username (also for names that do not exist: the answer must not tell).
CREATE TABLE login_failures (
  username TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  locked_until TEXT,
  updated_at TEXT NOT NULL
);

-- Sessions: only a BLAKE2b hash of the cookie's 32 random bytes is stored.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES users (username),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (username);

-- API tokens for integrations: only the hash is stored; the token is shown once.
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  username TEXT NOT NULL REFERENCES users (username),
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT,
  last_used_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (username);
