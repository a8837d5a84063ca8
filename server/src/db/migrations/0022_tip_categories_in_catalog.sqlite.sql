-- Tip categories become a list of the shared catalogue (kind 'tip_categories'): one table for
-- every list, one code path for national entries and a province's own. Codes, labels, order,
-- active flags and owners move unchanged, so every tip keeps its category.
INSERT INTO catalog_items (kind, code, label, label_en, sort_order, active, owner_path)
  SELECT 'tip_categories', code, label, label_en, sort_order, active, owner_path FROM tip_categories;

-- tips.category referenced tip_categories (code). SQLite cannot drop a constraint, and rebuilding
-- tips needs foreign keys off, which cannot change inside the migration's transaction. SQLite's
-- documented way to remove a FOREIGN KEY constraint (lang_altertable.html, section 7) edits the
-- stored CREATE TABLE text; RESET reloads this connection's schema, and the DROP TABLE below
-- bumps the schema version so every other connection reloads it too.
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace(sql, 'category TEXT NOT NULL REFERENCES tip_categories (code),', 'category TEXT NOT NULL,')
  WHERE type = 'table' AND name = 'tips';
PRAGMA writable_schema = RESET;
-- Stops the migration if the text was not found (a CHECK refuses the row).
CREATE TEMP TABLE migration_0022_check (edited INTEGER NOT NULL CHECK (edited = 1));
INSERT INTO migration_0022_check SELECT instr(sql, 'tip_categories') = 0 FROM sqlite_master WHERE type = 'table' AND name = 'tips';
DROP TABLE migration_0022_check;
DROP TABLE tip_categories;

-- The reference stays checked, now against the catalogue: a tip names a tip category, and a
-- category a tip names is never deleted or recoded (catalogue codes are only deactivated).
CREATE TRIGGER tips_category_insert BEFORE INSERT ON tips
  WHEN NOT EXISTS (SELECT 1 FROM catalog_items WHERE kind = 'tip_categories' AND code = NEW.category)
BEGIN
  SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: tips.category');
END;
CREATE TRIGGER tips_category_update BEFORE UPDATE OF category ON tips
  WHEN NOT EXISTS (SELECT 1 FROM catalog_items WHERE kind = 'tip_categories' AND code = NEW.category)
BEGIN
  SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: tips.category');
END;
CREATE TRIGGER catalog_tip_category_delete BEFORE DELETE ON catalog_items
  WHEN OLD.kind = 'tip_categories' AND EXISTS (SELECT 1 FROM tips WHERE category = OLD.code)
BEGIN
  SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: tips.category');
END;
CREATE TRIGGER catalog_tip_category_recode BEFORE UPDATE OF kind, code ON catalog_items
  WHEN OLD.kind = 'tip_categories' AND (NEW.kind <> OLD.kind OR NEW.code <> OLD.code)
       AND EXISTS (SELECT 1 FROM tips WHERE category = OLD.code)
BEGIN
  SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: tips.category');
END;
