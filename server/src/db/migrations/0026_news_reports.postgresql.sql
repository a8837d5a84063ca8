-- PostgreSQL variant of 0026_news_reports.sqlite.sql: the same marks, from trigger functions.
CREATE FUNCTION rollup_news_posts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.published_at IS NOT NULL THEN
    INSERT INTO rollup_dirty (unit_id, day) VALUES (OLD.unit_id, substr(OLD.published_at, 1, 10));
    INSERT INTO rollup_dirty (unit_id, day) VALUES (OLD.unit_id, to_char(CAST(substr(OLD.published_at, 1, 10) AS date) + 1, 'YYYY-MM-DD'));
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.published_at IS NOT NULL THEN
    INSERT INTO rollup_dirty (unit_id, day) VALUES (NEW.unit_id, substr(NEW.published_at, 1, 10));
    INSERT INTO rollup_dirty (unit_id, day) VALUES (NEW.unit_id, to_char(CAST(substr(NEW.published_at, 1, 10) AS date) + 1, 'YYYY-MM-DD'));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER rollup_news_posts AFTER INSERT OR UPDATE OF unit_id, kind, status, published_at OR DELETE ON news_posts
FOR EACH ROW EXECUTE FUNCTION rollup_news_posts();

CREATE FUNCTION rollup_news_views() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT p.unit_id, NEW.day FROM news_posts p WHERE p.id = NEW.post_id;
  RETURN NULL;
END $$;
CREATE TRIGGER rollup_news_views AFTER INSERT ON news_views FOR EACH ROW EXECUTE FUNCTION rollup_news_views();

CREATE FUNCTION rollup_news_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.post_id IS NOT NULL AND NEW.done_at IS NOT NULL AND (NEW.status = 'sent' OR OLD.status = 'sent') THEN
    INSERT INTO rollup_dirty (unit_id, day) SELECT p.unit_id, substr(NEW.done_at, 1, 10) FROM news_posts p WHERE p.id = NEW.post_id;
    INSERT INTO rollup_dirty (unit_id, day) SELECT p.unit_id, to_char(CAST(substr(NEW.done_at, 1, 10) AS date) + 1, 'YYYY-MM-DD')
    FROM news_posts p WHERE p.id = NEW.post_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER rollup_news_deliveries AFTER UPDATE OF status ON news_deliveries FOR EACH ROW EXECUTE FUNCTION rollup_news_deliveries();
