-- Movement registers (C4, C5, C6, C9). Each record belongs to a unit (its subtree rolls up, merged
-- units included); catalogue lists (organisers, audience, topics, parties) live in <table>_codes
-- so reports can count by force or topic without parsing text. Columns match the specs in
-- server/src/modules/<register>/.
CREATE TABLE programs (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  number TEXT NOT NULL,
  title TEXT NOT NULL,
  signed_on TEXT NOT NULL,
  period_from TEXT,
  period_to TEXT,
  search_text TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE programs_codes (record_id INTEGER NOT NULL REFERENCES programs (id), field TEXT NOT NULL, code TEXT NOT NULL,
  PRIMARY KEY (record_id, field, code));

CREATE TABLE activities (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  type TEXT NOT NULL,
  date TEXT NOT NULL,
  title TEXT NOT NULL,
  participants INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),
  quantity INTEGER NOT NULL DEFAULT 0 CHECK (quantity >= 0),
  program_id INTEGER REFERENCES programs (id),
  notes TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX activities_unit_date ON activities (unit_id, date);
CREATE INDEX activities_date ON activities (date);
CREATE TABLE activities_codes (record_id INTEGER NOT NULL REFERENCES activities (id), field TEXT NOT NULL, code TEXT NOT NULL,
  PRIMARY KEY (record_id, field, code));
CREATE INDEX activities_codes_code ON activities_codes (field, code);

CREATE TABLE opinions (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  activity_id INTEGER REFERENCES activities (id),
  source TEXT NOT NULL,
  topic TEXT NOT NULL,
  content TEXT NOT NULL,
  response TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  received_on TEXT NOT NULL,
  search_text TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX opinions_unit_date ON opinions (unit_id, received_on);

CREATE TABLE models (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  field TEXT NOT NULL,
  started_on TEXT NOT NULL,
  ended_on TEXT,
  description TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX models_unit ON models (unit_id);
-- Where a model was replicated: it runs there from started_on until ended_on.
CREATE TABLE model_replications (
  id INTEGER PRIMARY KEY,
  model_id INTEGER NOT NULL REFERENCES models (id),
  unit_id INTEGER NOT NULL REFERENCES units (id),
  started_on TEXT NOT NULL,
  ended_on TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX model_replications_model ON model_replications (model_id);
CREATE INDEX model_replications_unit ON model_replications (unit_id);

CREATE TABLE movement_groups (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  started_on TEXT NOT NULL,
  platform TEXT,
  leader TEXT NOT NULL DEFAULT '',
  members_count INTEGER NOT NULL DEFAULT 0 CHECK (members_count >= 0),
  dissolved_on TEXT,
  search_text TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX movement_groups_unit ON movement_groups (unit_id);

CREATE TABLE patrols (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  team_id INTEGER REFERENCES movement_groups (id),
  started_at TEXT NOT NULL,
  ended_at TEXT,
  route TEXT NOT NULL DEFAULT '',
  participants INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),
  incidents INTEGER NOT NULL DEFAULT 0 CHECK (incidents >= 0),
  notes TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX patrols_unit_date ON patrols (unit_id, started_at);

-- The mediation record book (Sổ theo dõi hoạt động hòa giải): parties' names are personal data,
-- sealed; lists and exports show only how many.
CREATE TABLE mediations (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  received_on TEXT NOT NULL,
  dispute_type TEXT NOT NULL,
  parties TEXT,
  parties_count INTEGER NOT NULL DEFAULT 0,
  outcome TEXT NOT NULL,
  mediators TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL DEFAULT '',
  agreement TEXT NOT NULL DEFAULT '',
  closed_on TEXT,
  search_text TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX mediations_unit_date ON mediations (unit_id, received_on);

CREATE TABLE pledges (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  pledger_kind TEXT NOT NULL,
  pledger TEXT NOT NULL,
  content TEXT NOT NULL,
  year INTEGER NOT NULL,
  result TEXT NOT NULL,
  search_text TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX pledges_unit ON pledges (unit_id, year);

CREATE TABLE awards (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  form TEXT NOT NULL,
  issuer TEXT NOT NULL,
  recipient_kind TEXT NOT NULL,
  recipient_name TEXT NOT NULL,
  date TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  program_id INTEGER REFERENCES programs (id),
  search_text TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX awards_unit_date ON awards (unit_id, date);

-- The police organise listening conferences and manage security teams: they record activities,
-- opinions and groups too.
INSERT INTO role_permissions (role, permission) VALUES
  ('police_officer', 'activities.write'), ('police_officer', 'opinions.write'), ('police_officer', 'groups.write');
