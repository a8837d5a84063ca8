-- A tip's change marks its days for the rollup only when it changes what the reports count (the
-- columns reports/sources.cpp reads): the duplicate finder's `dup_checked`, a review hold or a
-- note changed no figure, but re-derived the whole country's day each time. At national scale the
-- finder's first pass over a million tips kept the fold, and the reports waiting on it, busy for
-- many minutes (issue 16, bench/reports.sh on PostgreSQL).
DROP TRIGGER rollup_tips_update;
CREATE TRIGGER rollup_tips_update AFTER UPDATE OF unit_id, received_at, category, status, outcome_valid, cases_solved,
  suspects_arrested, wanted_caught ON tips BEGIN
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, substr(OLD.received_at, 1, 10) AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT OLD.unit_id AS u, date(substr(OLD.received_at, 1, 10), '+1 day') AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, substr(NEW.received_at, 1, 10) AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
  INSERT INTO rollup_dirty (unit_id, day) SELECT x.u, x.d FROM (SELECT NEW.unit_id AS u, date(substr(NEW.received_at, 1, 10), '+1 day') AS d) x WHERE x.u IS NOT NULL AND x.d IS NOT NULL;
END;
