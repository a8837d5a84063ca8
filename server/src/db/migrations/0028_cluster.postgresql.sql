-- Several instances on one PostgreSQL (issue 16).
-- Rate-limit windows shared by every instance (modules/cluster/shared_windows.cpp). Unlogged: a
-- crash may lose the counts of the last hour, which only lets a client in a little early, and the
-- table is written on every public request.
CREATE UNLOGGED TABLE rate_windows (
  key TEXT PRIMARY KEY,       -- a keyed hash of the limiter's name and the client's key
  hits INTEGER NOT NULL,
  ends_at BIGINT NOT NULL     -- unix seconds
);
CREATE INDEX rate_windows_ends ON rate_windows (ends_at);

-- An outbox row taken by one instance's dispatcher until this time (a lease: a dispatcher that
-- dies mid-send leaves the row to another once it has passed).
ALTER TABLE outbox ADD COLUMN claimed_until TEXT;

-- 1 once a write of the request holding the key has committed (set in that write's own
-- transaction): an unanswered key whose instance died is run again only when nothing was written.
ALTER TABLE idempotency_keys ADD COLUMN acted INTEGER NOT NULL DEFAULT 0;

-- When the instance running an import last committed a group of rows: a batch silent for minutes
-- is taken over by another instance.
ALTER TABLE import_batches ADD COLUMN heartbeat_at TEXT;
