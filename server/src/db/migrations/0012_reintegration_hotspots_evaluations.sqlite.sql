-- Reintegration (C7), hotspots and the yearly "An toàn về an ninh, trật tự" evaluation (C8).

-- People helped back into community life. Columns marked "sealed" hold libsodium secretbox text
-- (never the clear value); *_hash are keyed hashes for exact search. See
-- server/src/modules/reintegration/reintegration_spec.cpp.
CREATE TABLE reintegration_people (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  category TEXT NOT NULL,
  name TEXT NOT NULL,            -- sealed
  name_hash TEXT NOT NULL,
  birth_year TEXT,               -- sealed
  id_number TEXT,                -- sealed
  id_number_hash TEXT,
  address TEXT,                  -- sealed
  start_date TEXT NOT NULL,
  helper_family TEXT,            -- sealed
  helper_clan TEXT,              -- sealed
  helper_organisation TEXT NOT NULL DEFAULT '',
  helper_officer TEXT NOT NULL DEFAULT '',
  plan TEXT,                     -- sealed
  status TEXT NOT NULL,
  status_since TEXT,
  search_text TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX reintegration_people_unit ON reintegration_people (unit_id, start_date);
CREATE INDEX reintegration_people_name_hash ON reintegration_people (name_hash);
CREATE INDEX reintegration_people_id_hash ON reintegration_people (id_number_hash);

-- Every status a person had, with the day it began (reports: who progressed in a period).
CREATE TABLE reintegration_status_changes (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES reintegration_people (id),
  status TEXT NOT NULL,
  changed_on TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX reintegration_status_changes_person ON reintegration_status_changes (person_id);
CREATE INDEX reintegration_status_changes_on ON reintegration_status_changes (changed_on);

-- One row per visit, education session or support: one lượt.
CREATE TABLE reintegration_sessions (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES reintegration_people (id),
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('visit', 'education', 'support')),
  helpers TEXT,                  -- sealed
  notes TEXT,                    -- sealed
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX reintegration_sessions_person ON reintegration_sessions (person_id);
CREATE INDEX reintegration_sessions_date ON reintegration_sessions (date);

CREATE TABLE hotspots (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  name TEXT NOT NULL,
  designated_on TEXT NOT NULL,
  decision TEXT NOT NULL DEFAULT '',
  plan TEXT NOT NULL DEFAULT '',
  milestones TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL,
  transformed_on TEXT,
  notes TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX hotspots_unit ON hotspots (unit_id, designated_on);
CREATE TABLE hotspots_codes (record_id INTEGER NOT NULL REFERENCES hotspots (id), field TEXT NOT NULL, code TEXT NOT NULL,
  PRIMARY KEY (record_id, field, code));

-- Criteria sets, versioned: an evaluation keeps the version it was made with. `criteria` is a
-- JSON array [{"code","text","confirmed","auto"}].
CREATE TABLE evaluation_criteria_sets (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('residential_area', 'commune', 'agency', 'enterprise', 'school')),
  title TEXT NOT NULL,
  basis TEXT NOT NULL DEFAULT '',
  optional INTEGER NOT NULL DEFAULT 0,
  criteria TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (code, version)
);

-- A unit's registration in quarter I to strive for the standard; residential areas also record
-- the households' commitment (100% required).
CREATE TABLE evaluation_registrations (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  year INTEGER NOT NULL,
  registered_on TEXT NOT NULL,
  households_total INTEGER CHECK (households_total >= 0),
  households_registered INTEGER CHECK (households_registered >= 0),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (unit_id, year)
);

-- One evaluation per unit, year and criteria set. `results` is a JSON object
-- {"<criterion>":{"met":true|false|null,"evidence":"…"}}; `result` is computed on every save.
CREATE TABLE evaluations (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  year INTEGER NOT NULL,
  target_kind TEXT NOT NULL,
  criteria_set_id INTEGER NOT NULL REFERENCES evaluation_criteria_sets (id),
  set_code TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
  results TEXT NOT NULL DEFAULT '{}',
  result TEXT CHECK (result IN ('passed', 'not_passed')),
  evaluated_on TEXT,
  notes TEXT NOT NULL DEFAULT '',
  approver_unit_id INTEGER NOT NULL REFERENCES units (id),
  submitted_by TEXT,
  submitted_at TEXT,
  decided_by TEXT,
  decided_at TEXT,
  certificate_number TEXT,
  certificate_date TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (unit_id, year, set_code)
);
CREATE INDEX evaluations_year ON evaluations (year, status);
-- Certificate numbers run per deciding unit and year.
CREATE UNIQUE INDEX evaluations_certificate ON evaluations (approver_unit_id, year, certificate_number);

-- The workflow's trail: created, saved, submitted, returned (with the comment), approved.
CREATE TABLE evaluation_events (
  id INTEGER PRIMARY KEY,
  evaluation_id INTEGER NOT NULL REFERENCES evaluations (id),
  at TEXT NOT NULL,
  by_user TEXT NOT NULL,
  action TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX evaluation_events_evaluation ON evaluation_events (evaluation_id);

-- Attachments of an evaluation belong to one criterion.
ALTER TABLE register_attachments ADD COLUMN part TEXT NOT NULL DEFAULT '';
