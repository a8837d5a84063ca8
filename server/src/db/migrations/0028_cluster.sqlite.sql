-- Several instances on one PostgreSQL (issue 16). SQLite has one process, whose limiters count in
-- memory; the table is here so that both engines have the same schema.
CREATE TABLE rate_windows (
  key TEXT PRIMARY KEY,
  hits INTEGER NOT NULL,
  ends_at BIGINT NOT NULL
);
CREATE INDEX rate_windows_ends ON rate_windows (ends_at);

ALTER TABLE outbox ADD COLUMN claimed_until TEXT;

-- 1 once a write of the request holding the key has committed (set in that write's own
-- transaction): an unanswered key whose instance died is run again only when nothing was written.
ALTER TABLE idempotency_keys ADD COLUMN acted INTEGER NOT NULL DEFAULT 0;

-- When the instance running an import last committed a group of rows: a batch silent for minutes
-- is taken over by another instance.
ALTER TABLE import_batches ADD COLUMN heartbeat_at TEXT;
