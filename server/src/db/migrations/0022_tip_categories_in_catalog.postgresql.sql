-- Tip categories become a list of the shared catalogue (kind 'tip_categories'): one table for
-- every list, one code path for national entries and a province's own. Codes, labels, order,
-- active flags and owners move unchanged, so every tip keeps its category.
INSERT INTO catalog_items (kind, code, label, label_en, sort_order, active, owner_path)
  SELECT 'tip_categories', code, label, label_en, sort_order, active, owner_path FROM tip_categories;
ALTER TABLE tips DROP CONSTRAINT tips_category_fkey;
DROP TABLE tip_categories;

-- The reference stays checked, now against the catalogue: a tip names a tip category, and a
-- category a tip names is never deleted or recoded (catalogue codes are only deactivated).
CREATE FUNCTION tips_category_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM catalog_items WHERE kind = 'tip_categories' AND code = NEW.category) THEN
    RAISE EXCEPTION 'tips.category % is not a tip category', NEW.category USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER tips_category BEFORE INSERT OR UPDATE OF category ON tips FOR EACH ROW EXECUTE FUNCTION tips_category_check();

CREATE FUNCTION catalog_tip_category_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.kind = 'tip_categories' AND (TG_OP = 'DELETE' OR NEW.kind <> OLD.kind OR NEW.code <> OLD.code)
     AND EXISTS (SELECT 1 FROM tips WHERE category = OLD.code) THEN
    RAISE EXCEPTION 'tip category % is used by tips', OLD.code USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER catalog_tip_category_keep BEFORE DELETE OR UPDATE OF kind, code ON catalog_items
  FOR EACH ROW EXECUTE FUNCTION catalog_tip_category_keep();
