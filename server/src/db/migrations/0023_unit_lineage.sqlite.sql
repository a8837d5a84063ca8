-- The official lineage of an administrative reform (issue 14, part 2). `antq import units --reform
-- 2025-07-01` fills it from the state's old → new table (data/units/vn_admin_old_to_new_2025-07-01.csv):
-- every old commune with its candidate successors, so a split commune (one old commune, several new
-- ones) is never moved by its code alone.
CREATE TABLE unit_lineage (
  reform TEXT NOT NULL,                                  -- the date the reform took effect, '2025-07-01'
  old_unit_id INTEGER NOT NULL REFERENCES units (id),
  new_unit_id INTEGER NOT NULL REFERENCES units (id),
  relation TEXT NOT NULL CHECK (relation IN ('whole', 'part', 'same', 'district_whole')),
  note TEXT NOT NULL DEFAULT '',                         -- the table's own words
  PRIMARY KEY (reform, old_unit_id, new_unit_id)
);
CREATE INDEX unit_lineage_new ON unit_lineage (new_unit_id);

-- The review queue "Chờ phân về xã mới": a split commune and each of its villages and establishments
-- wait here, hanging under the new province (their records count in the province only), until an
-- officer of the province assigns each to one of the candidates.
CREATE TABLE unit_reassignments (
  id INTEGER PRIMARY KEY,
  reform TEXT NOT NULL,
  unit_id INTEGER NOT NULL REFERENCES units (id),       -- the split commune, or one of its local units
  from_unit_id INTEGER NOT NULL REFERENCES units (id),  -- the split commune: its lineage gives the candidates
  province_id INTEGER NOT NULL REFERENCES units (id),
  assigned_to INTEGER REFERENCES units (id),
  assigned_by TEXT,
  assigned_at TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (reform, unit_id)
);
CREATE INDEX unit_reassignments_pending ON unit_reassignments (province_id, assigned_to);

-- Xã Ba Chẽ (Quảng Ninh) is 06970 in the state's lists; the 2-tier lists shipped before this
-- migration said 06978 (data/units/SOURCE.md). Renamed in place so its records and accounts stay
-- with it; a later import of the corrected list then finds it unchanged.
UPDATE units SET code = '06970', search_text = replace(search_text, '06978', '06970')
WHERE dataset = 'vn-2tier' AND code = '06978'
  AND NOT EXISTS (SELECT 1 FROM units o WHERE o.dataset = 'vn-2tier' AND o.code = '06970');
