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

-- What the response cache of public reads (http/response_cache.hpp) is made from. A write to any
-- of these tables tells every instance (NOTIFY, heard by db/pg_change_listener.cpp at commit) and
-- the writing connection itself (a NOTICE, seen synchronously by its notice processor), whoever
-- wrote it: a server, the CLI or psql. Writes to other tables (tips, rate windows, the outbox)
-- leave the cache alone.
CREATE FUNCTION antq_public_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('antq_changes', TG_TABLE_NAME);
  RAISE NOTICE 'antq_public_data_changed';
  RETURN NULL;
END
$$;
CREATE TRIGGER units_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION antq_public_data_changed();
CREATE TRIGGER unit_lineage_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit_lineage
  FOR EACH STATEMENT EXECUTE FUNCTION antq_public_data_changed();
CREATE TRIGGER unit_reassignments_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit_reassignments
  FOR EACH STATEMENT EXECUTE FUNCTION antq_public_data_changed();
CREATE TRIGGER catalog_items_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog_items
  FOR EACH STATEMENT EXECUTE FUNCTION antq_public_data_changed();
CREATE TRIGGER news_posts_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON news_posts
  FOR EACH STATEMENT EXECUTE FUNCTION antq_public_data_changed();
CREATE TRIGGER news_targets_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON news_targets
  FOR EACH STATEMENT EXECUTE FUNCTION antq_public_data_changed();
CREATE TRIGGER attachments_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON attachments
  FOR EACH STATEMENT EXECUTE FUNCTION antq_public_data_changed();
