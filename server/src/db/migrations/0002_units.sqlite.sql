-- The territory (C1): one tree of any depth. `path` is the materialised path of ids, e.g.
-- '/12/345/6789/'. A retired unit (merged by a reform) hangs under its successor in `path`,
-- so a subtree query of the successor picks up every record of the units merged into it.
CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  dataset TEXT NOT NULL,            -- 'vn-2tier', 'vn-3tier', an imported label, or 'local'
  name TEXT NOT NULL,
  full_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('province', 'district', 'commune', 'village', 'establishment')),
  subkind TEXT NOT NULL DEFAULT '', -- 'Xã', 'Phường', 'Thôn' … or an establishment type
  parent_id INTEGER REFERENCES units (id),
  path TEXT NOT NULL,
  depth INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  successor_id INTEGER REFERENCES units (id),
  retired_on TEXT,
  search_text TEXT NOT NULL,        -- folded full name and code, for diacritic-insensitive search
  sort_key TEXT NOT NULL,           -- ICU Vietnamese collation key (hex)
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX units_dataset_code ON units (dataset, code);
CREATE UNIQUE INDEX units_active_code ON units (code) WHERE active = 1;
CREATE INDEX units_children ON units (parent_id, active, sort_key);
CREATE INDEX units_path ON units (path);
CREATE INDEX units_successor ON units (successor_id);
