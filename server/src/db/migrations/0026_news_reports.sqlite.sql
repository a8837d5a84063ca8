-- News in the reports (issue 15): news.posts and news.warnings on a post's Vietnam day of
-- publishing, news.views on a view's day, news.recipients on the day a message went, all for the
-- post's unit (modules/reports/sources.cpp). Like 0014's triggers these only mark what a change
-- touched; a UTC instant marks its UTC day and the next (its Vietnam day is one of them).
CREATE TRIGGER rollup_news_posts_insert AFTER INSERT ON news_posts WHEN NEW.published_at IS NOT NULL BEGIN
  INSERT INTO rollup_dirty (unit_id, day) VALUES (NEW.unit_id, substr(NEW.published_at, 1, 10));
  INSERT INTO rollup_dirty (unit_id, day) VALUES (NEW.unit_id, date(substr(NEW.published_at, 1, 10), '+1 day'));
END;

CREATE TRIGGER rollup_news_posts_update AFTER UPDATE OF unit_id, kind, status, published_at ON news_posts BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT OLD.unit_id, substr(OLD.published_at, 1, 10) WHERE OLD.published_at IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT OLD.unit_id, date(substr(OLD.published_at, 1, 10), '+1 day') WHERE OLD.published_at IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT NEW.unit_id, substr(NEW.published_at, 1, 10) WHERE NEW.published_at IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT NEW.unit_id, date(substr(NEW.published_at, 1, 10), '+1 day') WHERE NEW.published_at IS NOT NULL;
END;

CREATE TRIGGER rollup_news_posts_delete AFTER DELETE ON news_posts WHEN OLD.published_at IS NOT NULL BEGIN
  INSERT INTO rollup_dirty (unit_id, day) VALUES (OLD.unit_id, substr(OLD.published_at, 1, 10));
  INSERT INTO rollup_dirty (unit_id, day) VALUES (OLD.unit_id, date(substr(OLD.published_at, 1, 10), '+1 day'));
END;

CREATE TRIGGER rollup_news_views_insert AFTER INSERT ON news_views BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT p.unit_id, NEW.day FROM news_posts p WHERE p.id = NEW.post_id;
END;

CREATE TRIGGER rollup_news_deliveries_sent AFTER UPDATE OF status ON news_deliveries
WHEN NEW.post_id IS NOT NULL AND (NEW.status = 'sent' OR OLD.status = 'sent') BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT p.unit_id, substr(NEW.done_at, 1, 10) FROM news_posts p
  WHERE p.id = NEW.post_id AND NEW.done_at IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT p.unit_id, date(substr(NEW.done_at, 1, 10), '+1 day') FROM news_posts p
  WHERE p.id = NEW.post_id AND NEW.done_at IS NOT NULL;
END;
