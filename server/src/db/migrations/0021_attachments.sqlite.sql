-- One table for the files of every owner (modules/attachments owns it): a tip's photos and
-- videos ('tips'), a register record's ('activities', …, by the register's name), an evaluation's
-- evidence ('evaluations', part = the criterion); news and imports join with a new owner name, no
-- new table. The rows of register_attachments keep their ids (audit entries name them); a tip's
-- files are numbered after them (nothing outside the row names a tip attachment's id). The files
-- stay where they are: each owner keeps its directory and stored_name stays relative to it.
CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  owner TEXT NOT NULL,               -- 'tips', a register's name, 'evaluations'
  owner_id INTEGER NOT NULL,         -- the tip, record or evaluation
  part TEXT NOT NULL DEFAULT '',     -- what the file is for inside its owner (an evaluation's criterion)
  at TEXT NOT NULL,
  uploaded_by TEXT,                  -- NULL: a tip's reporter
  kind TEXT NOT NULL CHECK (kind IN ('image', 'video')),
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  stored_name TEXT NOT NULL,         -- file name under the owner's directory
  location_removed INTEGER NOT NULL
);

INSERT INTO attachments (id, owner, owner_id, part, at, uploaded_by, kind, media_type, size, sha256, stored_name, location_removed)
SELECT id, register, record_id, part, at, uploaded_by, kind, media_type, size, sha256, stored_name, location_removed
FROM register_attachments ORDER BY id;

INSERT INTO attachments (owner, owner_id, part, at, uploaded_by, kind, media_type, size, sha256, stored_name, location_removed)
SELECT 'tips', tip_id, '', at, uploaded_by, kind, media_type, size, sha256, stored_name, location_removed
FROM tip_attachments ORDER BY id;

DROP TABLE register_attachments;
DROP TABLE tip_attachments;
CREATE INDEX attachments_owner ON attachments (owner, owner_id);
