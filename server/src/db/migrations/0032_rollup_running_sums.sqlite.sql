-- The country's and the provinces' running sums of each month (grain 'c', reports/rollups.hpp): the
-- next fold derives every bucket again, once, to write them.
INSERT INTO rollup_dirty_keys (kind, key) VALUES ('rebuild', 'all');
