-- Photos and videos attached to register records (an activity's pictures), checked and cleaned
-- like tip attachments (modules/media); files live under the attachments directory.
CREATE TABLE register_attachments (
  id INTEGER PRIMARY KEY,
  register TEXT NOT NULL,            -- the register's name, e.g. 'activities'
  record_id INTEGER NOT NULL,
  at TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('image', 'video')),
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  stored_name TEXT NOT NULL,
  location_removed INTEGER NOT NULL
);
CREATE INDEX register_attachments_record ON register_attachments (register, record_id);
