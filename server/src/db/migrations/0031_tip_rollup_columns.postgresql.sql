-- A tip's change marks its days for the rollup only when it changes what the reports count (the
-- columns reports/sources.cpp reads): the duplicate finder's `dup_checked`, a review hold or a
-- note changed no figure, but re-derived the whole country's day each time. At national scale the
-- finder's first pass over a million tips kept the fold, and the reports waiting on it, busy for
-- many minutes (issue 16, bench/reports.sh on PostgreSQL).
DROP TRIGGER rollup_tips ON tips;
CREATE TRIGGER rollup_tips AFTER INSERT OR DELETE OR UPDATE OF unit_id, received_at, category, status, outcome_valid, cases_solved,
  suspects_arrested, wanted_caught ON tips FOR EACH ROW EXECUTE FUNCTION rollup_tips();
