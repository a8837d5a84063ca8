-- In-app notifications for staff, and the outbox of messages to outside systems (webhooks now,
-- SMS or chat apps later): written in the same transaction as the event, delivered by a
-- background dispatcher with retries, so a slow receiver never holds up a request.
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL REFERENCES users (username),
  kind TEXT NOT NULL,                -- tip.received, tip.assigned, tip.message…
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',    -- e.g. the tip's tracking code (never personal data)
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX notifications_user ON notifications (username, id);

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  channel TEXT NOT NULL,             -- 'webhook'
  target TEXT NOT NULL,              -- e.g. the URL
  event TEXT NOT NULL,
  payload TEXT NOT NULL,             -- JSON, without personal data
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  delivered_at TEXT,
  failed_at TEXT,                    -- gave up after the last retry
  last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
