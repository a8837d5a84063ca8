-- News, warnings and notices for residents (issue 15, modules/news owns these tables).
-- A post belongs to its author's unit (who may see and change it) and targets units: each target
-- covers its whole subtree. Times are RFC 3339 UTC text like every other table.
CREATE TABLE news_posts (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  author TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('news', 'warning', 'notice')),
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,                -- Markdown as typed
  body_html TEXT NOT NULL,           -- rendered and narrowed by cmark (markdown.hpp): the only HTML pages insert
  topics TEXT NOT NULL DEFAULT '[]', -- JSON array of catalogue codes (kind "topics")
  priority INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 3),
  status TEXT NOT NULL CHECK (status IN ('draft', 'pending', 'published', 'withdrawn')),
  publish_at TEXT,                   -- asked for: publishing then, not now
  published_at TEXT,                 -- when it shows (may be ahead: scheduled)
  expires_at TEXT,
  withdrawn_at TEXT,
  queued_at TEXT,                    -- when its deliveries were queued (once)
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX news_posts_unit ON news_posts (unit_id, created_at);
CREATE INDEX news_posts_due ON news_posts (status, queued_at, published_at);

CREATE TABLE news_targets (
  post_id INTEGER NOT NULL REFERENCES news_posts (id),
  unit_id INTEGER NOT NULL REFERENCES units (id),
  PRIMARY KEY (post_id, unit_id)
);
CREATE INDEX news_targets_unit ON news_targets (unit_id, post_id);

-- The text of each earlier version of a post edited after it was published.
CREATE TABLE news_revisions (
  post_id INTEGER NOT NULL REFERENCES news_posts (id),
  version INTEGER NOT NULL,
  at TEXT NOT NULL,
  by_user TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (post_id, version)
);

-- Whether a unit's posts wait for an officer with news.approve (off unless set).
CREATE TABLE news_unit_settings (
  unit_id INTEGER PRIMARY KEY REFERENCES units (id),
  requires_approval INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

-- One row per device per post per day. `device` is a keyed hash with a key of the day (never
-- the address or the browser itself): the same phone is one view a day and cannot be followed
-- from one day to the next.
CREATE TABLE news_views (
  post_id INTEGER NOT NULL REFERENCES news_posts (id),
  day TEXT NOT NULL,
  device TEXT NOT NULL,
  PRIMARY KEY (post_id, day, device)
);

-- Residents' e-mail subscriptions to a unit's posts, without an account. The address is sealed
-- with the data key (purpose news-subscriber-email) beside a keyed hash: one subscription per
-- address and unit, staff see counts only.
CREATE TABLE news_subscriptions (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  email_sealed TEXT NOT NULL,
  email_hash TEXT NOT NULL,
  kinds TEXT NOT NULL,               -- 'warning' or 'news,notice,warning'
  status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'ended')),
  created_at TEXT NOT NULL,
  confirmed_at TEXT,
  ended_at TEXT,
  UNIQUE (unit_id, email_hash)
);
CREATE INDEX news_subscriptions_unit ON news_subscriptions (unit_id, status);

-- Confirmation and unsubscribe links: random tokens stored as keyed hashes.
CREATE TABLE news_tokens (
  token_hash TEXT PRIMARY KEY,
  subscription_id INTEGER NOT NULL REFERENCES news_subscriptions (id),
  purpose TEXT NOT NULL CHECK (purpose IN ('confirm', 'unsubscribe')),
  created_at TEXT NOT NULL
);
CREATE INDEX news_tokens_subscription ON news_tokens (subscription_id);

-- The delivery log: one row per message to one recipient on one channel (a subscriber's e-mail,
-- a Zalo or Facebook group of the registers). Workers claim rows by setting claimed_until; a row
-- whose claim ran out (its server died) is taken again.
CREATE TABLE news_deliveries (
  id INTEGER PRIMARY KEY,
  message TEXT NOT NULL CHECK (message IN ('confirm', 'post')),
  post_id INTEGER REFERENCES news_posts (id),
  subscription_id INTEGER REFERENCES news_subscriptions (id),
  group_id INTEGER,
  channel TEXT NOT NULL,             -- 'email', 'zalo', 'facebook', 'other'
  reach INTEGER NOT NULL DEFAULT 1,  -- people it reaches (a group: its members)
  status TEXT NOT NULL CHECK (status IN ('queued', 'held', 'sent', 'recorded', 'failed', 'bounced', 'skipped', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  claimed_until TEXT,
  last_error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  done_at TEXT
);
-- What is waiting, in the order the workers take it (a claim reads the head, not the whole queue).
CREATE INDEX news_deliveries_due ON news_deliveries (next_attempt_at, id) WHERE status IN ('queued', 'held');
CREATE INDEX news_deliveries_post ON news_deliveries (post_id, status);
CREATE INDEX news_deliveries_subscription ON news_deliveries (subscription_id, done_at);

INSERT INTO role_permissions (role, permission) VALUES
  ('admin', 'news.write'), ('admin', 'news.approve'),
  ('police_officer', 'news.write'), ('front_officer', 'news.write');
