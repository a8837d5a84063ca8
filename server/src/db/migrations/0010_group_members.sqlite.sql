-- Members of groups (C6), for the teams the law shapes: the village security team (Tổ bảo vệ
-- ANTT, Luật 30/2023: leader, deputies, members aged 18–70, one team per village, a yearly
-- four-level rating) and the mediation team (Tổ hòa giải, Luật 35/2013: at least 3 mediators, at
-- least one woman). The figures are settings (groups.*) a province can adjust.
CREATE TABLE group_members (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES movement_groups (id),
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('leader', 'deputy', 'member', 'mediator')),
  gender TEXT CHECK (gender IN ('female', 'male')),
  birth_year INTEGER,
  joined_on TEXT NOT NULL,
  left_on TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX group_members_group ON group_members (group_id);

-- The yearly rating of a security-team member (HD 01/HD-BCA-V05): window 15/11 of the year before
-- to 14/11 of `year`.
CREATE TABLE group_member_ratings (
  member_id INTEGER NOT NULL REFERENCES group_members (id),
  year INTEGER NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('excellent', 'good', 'complete', 'incomplete')),
  rated_by TEXT NOT NULL,
  rated_at TEXT NOT NULL,
  PRIMARY KEY (member_id, year)
);

-- One security team per village (Luật 30/2023): also under concurrent writes.
CREATE UNIQUE INDEX movement_groups_one_security_team ON movement_groups (unit_id)
  WHERE kind = 'security_team' AND dissolved_on IS NULL;

INSERT INTO catalog_items (kind, code, label, label_en, sort_order) VALUES
  ('group_kinds', 'mediation_team', 'Tổ hòa giải', 'Mediation team', 50);
