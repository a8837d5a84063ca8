-- Citizen tips (C3). The reporter's identity is sealed with the data key (reporter_sealed) and
-- read only through audit::reveal; the tip secret is kept as a keyed hash, never in clear.
CREATE TABLE tip_categories (
  code TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  label_en TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);
INSERT INTO tip_categories (code, label, label_en, sort_order) VALUES
  ('drugs', 'Ma túy', 'Drugs', 10),
  ('theft', 'Trộm cắp, cướp giật tài sản', 'Theft and robbery', 20),
  ('gambling', 'Cờ bạc, cá độ', 'Gambling and betting', 30),
  ('loan_sharking', 'Tín dụng đen, cho vay nặng lãi', 'Loan sharking', 40),
  ('online_fraud', 'Lừa đảo qua mạng', 'Online fraud', 50),
  ('human_trafficking', 'Mua bán người', 'Human trafficking', 60),
  ('weapons', 'Vũ khí, vật liệu nổ', 'Weapons and explosives', 70),
  ('fire_risk', 'Nguy cơ cháy, nổ', 'Fire risk', 80),
  ('traffic', 'Trật tự an toàn giao thông', 'Traffic', 90),
  ('environment', 'Môi trường', 'Environment', 100),
  ('public_order', 'Trật tự công cộng', 'Public order', 110),
  ('other', 'Khác', 'Other', 1000);

CREATE TABLE tips (
  id INTEGER PRIMARY KEY,
  tracking_code TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  category TEXT NOT NULL REFERENCES tip_categories (code),
  channel TEXT NOT NULL CHECK (channel IN ('in_person', 'phone', 'hotline', 'chat', 'online')),
  description TEXT NOT NULL,
  search_text TEXT NOT NULL,         -- folded description, place and code (search ignores diacritics)
  place TEXT NOT NULL DEFAULT '',
  lat DOUBLE PRECISION,
  lng DOUBLE PRECISION,
  occurred_at TEXT,
  anonymous INTEGER NOT NULL,
  reporter_sealed TEXT,              -- sealed JSON {name, phone, email, address}
  status TEXT NOT NULL CHECK (status IN ('received', 'verifying', 'assigned', 'resolved', 'closed', 'rejected', 'duplicate')),
  status_reason TEXT NOT NULL DEFAULT '',
  assignee TEXT REFERENCES users (username),
  received_at TEXT NOT NULL,
  received_by TEXT,                  -- the officer who recorded it; NULL when sent online
  settle_due_at TEXT NOT NULL,
  extensions INTEGER NOT NULL DEFAULT 0,
  transfer_required INTEGER NOT NULL DEFAULT 0,
  pass_on_due_at TEXT,
  passed_on_at TEXT,
  passed_on_to TEXT,
  outcome_valid INTEGER,             -- NULL until an outcome is recorded
  cases_solved INTEGER NOT NULL DEFAULT 0,
  suspects_arrested INTEGER NOT NULL DEFAULT 0,
  wanted_caught INTEGER NOT NULL DEFAULT 0,
  transferred_to TEXT,
  decision TEXT,
  public_note TEXT NOT NULL DEFAULT '',
  decided_at TEXT,
  duplicate_of INTEGER REFERENCES tips (id),
  dup_checked INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);
CREATE INDEX tips_unit ON tips (unit_id, received_at);
CREATE INDEX tips_received ON tips (received_at);
CREATE INDEX tips_open_due ON tips (status, settle_due_at);
CREATE INDEX tips_dup_pending ON tips (id) WHERE dup_checked = 0;

-- What happened to a tip, in order. `public` events are the reporter's timeline.
CREATE TABLE tip_events (
  id INTEGER PRIMARY KEY,
  tip_id INTEGER NOT NULL REFERENCES tips (id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT,
  actor TEXT,                        -- username; NULL for the reporter or the system
  public INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tip_events_tip ON tip_events (tip_id, id);

CREATE TABLE tip_messages (
  id INTEGER PRIMARY KEY,
  tip_id INTEGER NOT NULL REFERENCES tips (id),
  at TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),  -- in: from the reporter
  author TEXT,                       -- officer's username for 'out'; never shown to the reporter
  body TEXT NOT NULL
);
CREATE INDEX tip_messages_tip ON tip_messages (tip_id, id);

CREATE TABLE tip_attachments (
  id INTEGER PRIMARY KEY,
  tip_id INTEGER NOT NULL REFERENCES tips (id),
  at TEXT NOT NULL,
  uploaded_by TEXT,                  -- NULL: the reporter
  kind TEXT NOT NULL CHECK (kind IN ('image', 'video')),
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  stored_name TEXT NOT NULL,         -- file name under the attachments directory
  location_removed INTEGER NOT NULL
);
CREATE INDEX tip_attachments_tip ON tip_attachments (tip_id);

-- Likely duplicates found in the background: (newer tip, older tip, similarity 0..1).
CREATE TABLE tip_duplicate_suggestions (
  tip_id INTEGER NOT NULL REFERENCES tips (id),
  other_id INTEGER NOT NULL REFERENCES tips (id),
  score DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (tip_id, other_id)
);
CREATE INDEX tip_duplicate_suggestions_other ON tip_duplicate_suggestions (other_id);
