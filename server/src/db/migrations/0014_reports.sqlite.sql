-- Reports (C11): the rollup that keeps every figure exact and fast (decision 0006).
--
-- Figures are sums of per-day values. For the country, each province and each district, the sums of
-- each day, month and year are kept in rollup_buckets (data: "metric id:value,…"); a report adds
-- at most a few dozen buckets. Writers never touch those rows: triggers below append what a change
-- touched (a unit and a day, or a derived key) to rollup_dirty / rollup_dirty_keys, and one folder
-- recomputes the touched buckets from the records themselves. Everything here can be rebuilt from
-- the records (`antq rollup rebuild`).


CREATE TABLE rollup_metrics (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
-- node_id: a province or district unit, or 0 for the whole country; grain d | m | y.
CREATE TABLE rollup_buckets (
  node_id INTEGER NOT NULL,
  grain TEXT NOT NULL,
  bucket TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (node_id, grain, bucket)
);
CREATE TABLE rollup_dirty (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL,
  day TEXT NOT NULL
);
CREATE TABLE rollup_dirty_keys (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  key TEXT NOT NULL
);
-- Derived per key: the merged periods in which at least one model runs in a unit (distinct units
-- with a model in a period), and the gaps between consecutive events of one person or unit
-- (distinct people who progressed or reoffended in a period).
CREATE TABLE rollup_coverage (
  unit_id INTEGER NOT NULL,
  lo TEXT NOT NULL,
  hi TEXT,
  PRIMARY KEY (unit_id, lo)
);
CREATE TABLE rollup_gaps (
  metric TEXT NOT NULL,
  key INTEGER NOT NULL,
  unit_id INTEGER NOT NULL,
  lo TEXT NOT NULL,
  hi TEXT NOT NULL
);
CREATE INDEX rollup_gaps_key ON rollup_gaps (metric, key);
CREATE INDEX rollup_gaps_lo ON rollup_gaps (metric, lo);

-- Issued reports: their number, date and figures, frozen.
CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  title TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  signer TEXT NOT NULL DEFAULT '',
  figures TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX reports_unit ON reports (unit_id, issued_on);

-- Dates the reports filter on.
CREATE INDEX movement_groups_started ON movement_groups (started_on);
CREATE INDEX models_started ON models (started_on);
CREATE INDEX mediations_received ON mediations (received_on);
CREATE INDEX opinions_received ON opinions (received_on);
CREATE INDEX patrols_started ON patrols (started_at);
CREATE INDEX awards_date ON awards (date);
CREATE INDEX hotspots_designated ON hotspots (designated_on);


CREATE TRIGGER rollup_activities_insert AFTER INSERT ON activities BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.date AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_activities_update AFTER UPDATE ON activities BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.date AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.date AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_activities_delete AFTER DELETE ON activities BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.date AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_activities_codes_insert AFTER INSERT ON activities_codes BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT (SELECT unit_id FROM activities WHERE id = NEW.record_id) AS u, (SELECT date FROM activities WHERE id = NEW.record_id) AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_activities_codes_update AFTER UPDATE ON activities_codes BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT (SELECT unit_id FROM activities WHERE id = OLD.record_id) AS u, (SELECT date FROM activities WHERE id = OLD.record_id) AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT (SELECT unit_id FROM activities WHERE id = NEW.record_id) AS u, (SELECT date FROM activities WHERE id = NEW.record_id) AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_activities_codes_delete AFTER DELETE ON activities_codes BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT (SELECT unit_id FROM activities WHERE id = OLD.record_id) AS u, (SELECT date FROM activities WHERE id = OLD.record_id) AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_opinions_insert AFTER INSERT ON opinions BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.received_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_opinions_update AFTER UPDATE ON opinions BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.received_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.received_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_opinions_delete AFTER DELETE ON opinions BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.received_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_mediations_insert AFTER INSERT ON mediations BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.received_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_mediations_update AFTER UPDATE ON mediations BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.received_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.received_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_mediations_delete AFTER DELETE ON mediations BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.received_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_movement_groups_insert AFTER INSERT ON movement_groups BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.started_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.dissolved_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_movement_groups_update AFTER UPDATE ON movement_groups BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.started_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.dissolved_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.started_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.dissolved_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_movement_groups_delete AFTER DELETE ON movement_groups BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.started_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.dissolved_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_models_insert AFTER INSERT ON models BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.started_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.ended_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty_keys (kind, key) VALUES ('coverage', CAST(NEW.unit_id AS TEXT));
END;

CREATE TRIGGER rollup_models_update AFTER UPDATE ON models BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.started_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.ended_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty_keys (kind, key) VALUES ('coverage', CAST(OLD.unit_id AS TEXT));
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.started_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.ended_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty_keys (kind, key) VALUES ('coverage', CAST(NEW.unit_id AS TEXT));
END;

CREATE TRIGGER rollup_models_delete AFTER DELETE ON models BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.started_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.ended_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty_keys (kind, key) VALUES ('coverage', CAST(OLD.unit_id AS TEXT));
END;

CREATE TRIGGER rollup_model_replications_insert AFTER INSERT ON model_replications BEGIN
  INSERT INTO rollup_dirty_keys (kind, key) VALUES ('coverage', CAST(NEW.unit_id AS TEXT));
END;

CREATE TRIGGER rollup_model_replications_update AFTER UPDATE ON model_replications BEGIN
  INSERT INTO rollup_dirty_keys (kind, key) VALUES ('coverage', CAST(OLD.unit_id AS TEXT));
  INSERT INTO rollup_dirty_keys (kind, key) VALUES ('coverage', CAST(NEW.unit_id AS TEXT));
END;

CREATE TRIGGER rollup_model_replications_delete AFTER DELETE ON model_replications BEGIN
  INSERT INTO rollup_dirty_keys (kind, key) VALUES ('coverage', CAST(OLD.unit_id AS TEXT));
END;

CREATE TRIGGER rollup_patrols_insert AFTER INSERT ON patrols BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, substr(NEW.started_at, 1, 10) AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, date(substr(NEW.started_at, 1, 10), '+1 day') AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_patrols_update AFTER UPDATE ON patrols BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, substr(OLD.started_at, 1, 10) AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, date(substr(OLD.started_at, 1, 10), '+1 day') AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, substr(NEW.started_at, 1, 10) AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, date(substr(NEW.started_at, 1, 10), '+1 day') AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_patrols_delete AFTER DELETE ON patrols BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, substr(OLD.started_at, 1, 10) AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, date(substr(OLD.started_at, 1, 10), '+1 day') AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_tips_insert AFTER INSERT ON tips BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, substr(NEW.received_at, 1, 10) AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, date(substr(NEW.received_at, 1, 10), '+1 day') AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_tips_update AFTER UPDATE ON tips BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, substr(OLD.received_at, 1, 10) AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, date(substr(OLD.received_at, 1, 10), '+1 day') AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, substr(NEW.received_at, 1, 10) AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, date(substr(NEW.received_at, 1, 10), '+1 day') AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_tips_delete AFTER DELETE ON tips BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, substr(OLD.received_at, 1, 10) AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, date(substr(OLD.received_at, 1, 10), '+1 day') AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_reintegration_people_insert AFTER INSERT ON reintegration_people BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.start_date AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.status_since AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty_keys (kind, key) VALUES ('person', CAST(NEW.id AS TEXT));
END;

CREATE TRIGGER rollup_reintegration_people_update AFTER UPDATE ON reintegration_people BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.start_date AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.status_since AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty_keys (kind, key) VALUES ('person', CAST(OLD.id AS TEXT));
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.start_date AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.status_since AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty_keys (kind, key) VALUES ('person', CAST(NEW.id AS TEXT));
END;

CREATE TRIGGER rollup_reintegration_people_delete AFTER DELETE ON reintegration_people BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.start_date AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.status_since AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty_keys (kind, key) VALUES ('person', CAST(OLD.id AS TEXT));
END;

CREATE TRIGGER rollup_reintegration_status_changes_insert AFTER INSERT ON reintegration_status_changes BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT (SELECT unit_id FROM reintegration_people WHERE id = NEW.person_id) AS u, NEW.changed_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty_keys (kind, key) VALUES ('person', CAST(NEW.person_id AS TEXT));
END;

CREATE TRIGGER rollup_reintegration_status_changes_update AFTER UPDATE ON reintegration_status_changes BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT (SELECT unit_id FROM reintegration_people WHERE id = OLD.person_id) AS u, OLD.changed_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty_keys (kind, key) VALUES ('person', CAST(OLD.person_id AS TEXT));
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT (SELECT unit_id FROM reintegration_people WHERE id = NEW.person_id) AS u, NEW.changed_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty_keys (kind, key) VALUES ('person', CAST(NEW.person_id AS TEXT));
END;

CREATE TRIGGER rollup_reintegration_status_changes_delete AFTER DELETE ON reintegration_status_changes BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT (SELECT unit_id FROM reintegration_people WHERE id = OLD.person_id) AS u, OLD.changed_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty_keys (kind, key) VALUES ('person', CAST(OLD.person_id AS TEXT));
END;

CREATE TRIGGER rollup_reintegration_sessions_insert AFTER INSERT ON reintegration_sessions BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT (SELECT unit_id FROM reintegration_people WHERE id = NEW.person_id) AS u, NEW.date AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_reintegration_sessions_update AFTER UPDATE ON reintegration_sessions BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT (SELECT unit_id FROM reintegration_people WHERE id = OLD.person_id) AS u, OLD.date AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT (SELECT unit_id FROM reintegration_people WHERE id = NEW.person_id) AS u, NEW.date AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_reintegration_sessions_delete AFTER DELETE ON reintegration_sessions BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT (SELECT unit_id FROM reintegration_people WHERE id = OLD.person_id) AS u, OLD.date AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_hotspots_insert AFTER INSERT ON hotspots BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.designated_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.transformed_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_hotspots_update AFTER UPDATE ON hotspots BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.designated_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.transformed_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.designated_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.transformed_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_hotspots_delete AFTER DELETE ON hotspots BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.designated_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.transformed_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_evaluations_insert AFTER INSERT ON evaluations BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, substr(NEW.decided_at, 1, 10) AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, date(substr(NEW.decided_at, 1, 10), '+1 day') AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_evaluations_update AFTER UPDATE ON evaluations BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, substr(OLD.decided_at, 1, 10) AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, date(substr(OLD.decided_at, 1, 10), '+1 day') AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, substr(NEW.decided_at, 1, 10) AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, date(substr(NEW.decided_at, 1, 10), '+1 day') AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_evaluations_delete AFTER DELETE ON evaluations BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, substr(OLD.decided_at, 1, 10) AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, date(substr(OLD.decided_at, 1, 10), '+1 day') AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_programs_insert AFTER INSERT ON programs BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.signed_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.period_from AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.period_to AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_programs_update AFTER UPDATE ON programs BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.signed_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.period_from AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.period_to AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.signed_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.period_from AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.period_to AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_programs_delete AFTER DELETE ON programs BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.signed_on AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.period_from AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.period_to AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_pledges_insert AFTER INSERT ON pledges BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, CAST(NEW.year AS TEXT) || '-01-01' AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, CAST(NEW.year AS TEXT) || '-12-31' AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_pledges_update AFTER UPDATE ON pledges BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, CAST(OLD.year AS TEXT) || '-01-01' AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, CAST(OLD.year AS TEXT) || '-12-31' AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, CAST(NEW.year AS TEXT) || '-01-01' AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, CAST(NEW.year AS TEXT) || '-12-31' AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_pledges_delete AFTER DELETE ON pledges BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, CAST(OLD.year AS TEXT) || '-01-01' AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, CAST(OLD.year AS TEXT) || '-12-31' AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_awards_insert AFTER INSERT ON awards BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.date AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_awards_update AFTER UPDATE ON awards BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.date AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, NEW.date AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_awards_delete AFTER DELETE ON awards BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, OLD.date AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;

CREATE TRIGGER rollup_units_path AFTER UPDATE OF path ON units WHEN OLD.path <> NEW.path BEGIN
  INSERT INTO rollup_dirty_keys (kind, key) VALUES ('path', OLD.path || '|' || NEW.path);
END;

INSERT INTO rollup_dirty_keys (kind, key) VALUES ('rebuild', 'all');
