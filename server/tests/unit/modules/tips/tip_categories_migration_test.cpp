// Migration tip_categories_in_catalog on both engines: the rows of the old table move to the
// catalogue unchanged (codes, labels, order, active flags, owners), tips keep their categories, and
// the reference from tips stays checked.
#include <gtest/gtest.h>

#include "db/database.hpp"
#include "db/migrations.hpp"
#include "support/test_database.hpp"

using antq::db::Connection;
using antq::test::TestDatabase;

namespace {

constexpr const char* kMigration = "tip_categories_in_catalog";

// The schema as it was before the migration: every earlier migration, recorded as applied.
void migrate_up_to_before(antq::db::Database& db) {
  db.write([&](Connection& c) {
    c.execute_script(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, "
        "applied_at TEXT NOT NULL)");
    for (const auto& m : antq::db::embedded_migrations(db.engine())) {
      if (m.name == kMigration) break;
      c.execute_script(m.sql);
      c.query("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)", m.version, m.name, m.checksum,
              "2026-12-01T00:00:00.000Z");
    }
  });
}

void insert_tip(Connection& c, int id, const char* category) {
  c.query(
      "INSERT INTO tips (id, tracking_code, secret_hash, unit_id, category, channel, description, search_text, anonymous, status, "
      "received_at, settle_due_at, updated_at) VALUES ($1, $2, 'h', 1, $3, 'online', 'Mô tả', 'mo ta', 1, 'received', "
      "'2026-12-01T00:00:00.000Z', '2026-12-21T00:00:00.000Z', '2026-12-01T00:00:00.000Z')",
      id, "CODE-" + std::to_string(id), category);
}

}  // namespace

class TipCategoriesMigrationTest : public ::testing::TestWithParam<std::string> {};

TEST_P(TipCategoriesMigrationTest, RowsMoveToTheCatalogueAndTipsKeepTheirCategories) {
  TestDatabase t(GetParam());
  auto& db = t.db();
  migrate_up_to_before(db);
  db.write([](Connection& c) {
    c.query(
        "INSERT INTO units (id, code, dataset, name, full_name, kind, path, depth, search_text, sort_key, created_at, updated_at) "
        "VALUES (1, '21220', 'vn-2tier', 'Sơn Tịnh', 'Xã Sơn Tịnh', 'commune', '/1/', 1, 'son tinh', '00', 'x', 'x')");
    c.query(
        "INSERT INTO tip_categories (code, label, label_en, sort_order, active, owner_path) VALUES ('qn_sand', 'Khai thác cát', '', "
        "1010, 1, '/51/')");
    c.query("UPDATE tip_categories SET active = 0, label = 'Ma túy (cũ)' WHERE code = 'drugs'");
    insert_tip(c, 1, "qn_sand");
    insert_tip(c, 2, "drugs");
  });
  const auto before = db.read_value([](Connection& c) {
    return c.query("SELECT code, label, label_en, sort_order, active, owner_path FROM tip_categories ORDER BY code").rows;
  });

  const auto report = antq::db::migrate(db);
  ASSERT_FALSE(report.applied.empty());
  EXPECT_EQ(report.applied.front(), kMigration);

  db.read([&](Connection& c) {
    const auto after =
        c.query(
             "SELECT code, label, label_en, sort_order, active, owner_path FROM catalog_items WHERE kind = 'tip_categories' ORDER BY code")
            .rows;
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
      for (std::size_t col = 0; col < 6; ++col) {
        EXPECT_EQ(after[i].opt_text(col).value_or("NULL"), before[i].opt_text(col).value_or("NULL")) << i << "/" << col;
      }
    }
    EXPECT_EQ(c.query("SELECT category FROM tips ORDER BY id").rows.at(0).text(0), "qn_sand");
  });
  // The old table is gone; the reference is still checked both ways.
  EXPECT_ANY_THROW(db.read([](Connection& c) { c.query("SELECT COUNT(*) FROM tip_categories"); }));
  EXPECT_ANY_THROW(db.write([](Connection& c) { insert_tip(c, 3, "no_such_category"); }));
  EXPECT_ANY_THROW(db.write([](Connection& c) { c.query("UPDATE tips SET category = 'no_such_category' WHERE id = 1"); }));
  EXPECT_ANY_THROW(db.write([](Connection& c) { c.query("DELETE FROM catalog_items WHERE kind = 'tip_categories' AND code = 'drugs'"); }));
  EXPECT_NO_THROW(db.write([](Connection& c) { insert_tip(c, 4, "theft"); }));
  // A category no tip names may go (catalogue entries are deactivated in practice, never deleted).
  EXPECT_NO_THROW(
      db.write([](Connection& c) { c.query("DELETE FROM catalog_items WHERE kind = 'tip_categories' AND code = 'gambling'"); }));
}

INSTANTIATE_TEST_SUITE_P(Engines, TipCategoriesMigrationTest, ::testing::ValuesIn(antq::test::engines()));
