-- Issued reports as official documents (issue 18, items 7–11): the parts the steering committee
-- writes by hand before issuing ("Đánh giá chung" with its strengths and limits, "Phương hướng,
-- nhiệm vụ") and the heading of the document (parent body, issuing body, signing position, place)
-- as it stood on the day of issue, frozen with the figures. An empty heading (reports issued
-- before this migration) is derived again from the stored figures.
ALTER TABLE reports ADD COLUMN assessment TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN direction TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN heading TEXT NOT NULL DEFAULT '';

-- The narrative needs figures the rollup did not keep before (activities by type and topic,
-- audiences counted once, channel groups by platform): derive every bucket again on the next fold.
INSERT INTO rollup_dirty_keys (kind, key) VALUES ('rebuild', 'all');
