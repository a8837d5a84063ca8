-- Several instances on one PostgreSQL (issue 16). SQLite has one process, whose limiters count in
-- memory; the table is here so that both engines have the same schema.
CREATE TABLE rate_windows (
  key TEXT PRIMARY KEY,
  hits INTEGER NOT NULL,
  ends_at BIGINT NOT NULL
);
CREATE INDEX rate_windows_ends ON rate_windows (ends_at);

ALTER TABLE outbox ADD COLUMN claimed_until TEXT;
