-- National lists and the entries a province adds for itself. NULL: a national entry (the
-- official catalogue, tip categories and criteria sets), changed only by a national admin. A
-- path: the province that added it; it applies to records and evaluations inside that province.
ALTER TABLE catalog_items ADD COLUMN owner_path TEXT;
ALTER TABLE tip_categories ADD COLUMN owner_path TEXT;
ALTER TABLE evaluation_criteria_sets ADD COLUMN owner_path TEXT;
