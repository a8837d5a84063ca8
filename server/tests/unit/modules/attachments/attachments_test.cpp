// The one upload path for files of any owner (modules/attachments): a second owner goes through
// it with a few lines, owners are kept apart, limits are per owner, and nothing is left behind
// (no row, no stored file) when any step after the store fails. Both engines.
#include "modules/attachments/attachments.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/errors.hpp"
#include "db/migrations.hpp"
#include "support/media_fixtures.hpp"
#include "support/test_database.hpp"

using namespace antq;
namespace fs = std::filesystem;

namespace {

int stored_files(const fs::path& root) {
  int n = 0;
  if (!fs::exists(root)) return 0;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) ++n;
  return n;
}

}  // namespace

class AttachmentsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    t_ = std::make_unique<test::TestDatabase>(GetParam());
    db::migrate(t_->db());
    root_ = t_->dir() / "files";
    incoming_ = t_->dir() / "incoming";
    fs::create_directories(incoming_);
  }
  // A fresh upload body (the store moves it away).
  std::string photo(unsigned seed = 1) {
    const auto p = incoming_ / ("upload-" + std::to_string(++uploads_) + ".part");
    test::write_noise_jpeg(p.string(), 64, 48, seed, 80);
    return p.string();
  }
  attachments::Attachments owner(const std::string& name, std::int64_t max_files = 10) {
    return attachments::Attachments(t_->db(), {name, root_.string(), "bản tin", max_files});
  }
  static attachments::Attachments::Check is(std::int64_t id) {
    return [id](db::Connection&) { return id; };
  }
  static void nothing(db::Connection&, const attachments::Attachment&) {}

  std::unique_ptr<test::TestDatabase> t_;
  fs::path root_, incoming_;
  int uploads_ = 0;
};

TEST_P(AttachmentsTest, ANewOwnerStoresListsAndServesThroughTheSamePath) {
  const auto news = owner("news");
  int recorded = 0;
  const auto a =
      news.add({photo(), false, std::string("ca.a"), "cover", ""}, is(7), [&](db::Connection&, const attachments::Attachment& x) {
        EXPECT_GT(x.id, 0);
        ++recorded;
      });
  EXPECT_EQ(recorded, 1);
  EXPECT_EQ(a.owner_id, 7);
  EXPECT_EQ(a.part, "cover");
  EXPECT_EQ(a.kind, "image");
  EXPECT_EQ(a.media_type, "image/jpeg");
  EXPECT_TRUE(a.location_removed);
  EXPECT_EQ(a.uploaded_by, std::optional<std::string>("ca.a"));
  EXPECT_EQ(stored_files(root_), 1);

  t_->db().read([&](db::Connection& c) {
    const auto files = news.list(c, 7);
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0].id, a.id);
    EXPECT_EQ(files[0].sha256, a.sha256);
    const auto f = news.file(c, 7, a.id, "tin-tuc-7");
    EXPECT_EQ(f.download_name, "tin-tuc-7-" + std::to_string(a.id) + ".jpeg");
    EXPECT_EQ(f.media_type, "image/jpeg");
    EXPECT_TRUE(fs::exists(f.path));
    // Another owner with the same id sees nothing, and cannot fetch it.
    EXPECT_TRUE(owner("tips").list(c, 7).empty());
    EXPECT_THROW(owner("tips").file(c, 7, a.id, "x"), NotFound);
    EXPECT_THROW(news.file(c, 8, a.id, "x"), NotFound);
  });
  const auto json = attachments::to_json(a);
  EXPECT_EQ(json.at("id").as_string(), std::to_string(a.id));
  EXPECT_EQ(json.at("uploaded_by").as_string(), "ca.a");
  EXPECT_FALSE(json.contains("stored_name"));
  EXPECT_FALSE(json.contains("sha256"));
}

TEST_P(AttachmentsTest, TheLimitIsPerOwnerAndAFullOwnerKeepsNoFile) {
  const auto news = owner("news", 2);
  news.add({photo(1), false, std::nullopt, "", ""}, is(1), nothing);
  news.add({photo(2), false, std::nullopt, "", ""}, is(1), nothing);
  EXPECT_THROW(news.admit(is(1)), RuleViolation);
  const std::string third = photo(3);
  try {
    news.add({third, false, std::nullopt, "", ""}, is(1), nothing);
    FAIL() << "a third file was taken";
  } catch (const RuleViolation& e) {
    EXPECT_STREQ(e.what(), "Mỗi bản tin chỉ kèm được tối đa 2 tệp.");
  }
  EXPECT_EQ(stored_files(root_), 2);
  news.admit(is(2));              // another news item has room
  owner("tips", 2).admit(is(1));  // and so has another owner with the same id
}

TEST_P(AttachmentsTest, AFailureAfterTheStoreLeavesNoRowAndNoFile) {
  const auto news = owner("news");
  EXPECT_THROW(news.add({photo(), false, std::nullopt, "", ""}, is(3),
                        [](db::Connection&, const attachments::Attachment&) { throw Conflict("Bản tin vừa bị xóa."); }),
               Conflict);
  // The owner went away between the first check and the write.
  int calls = 0;
  EXPECT_THROW(news.add(
                   {photo(), false, std::nullopt, "", ""},
                   [&](db::Connection&) -> std::int64_t {
                     if (++calls > 1) throw NotFound("Không tìm thấy bản tin.");
                     return 3;
                   },
                   nothing),
               NotFound);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(stored_files(root_), 0);
  t_->db().read([&](db::Connection& c) { EXPECT_TRUE(news.list(c, 3).empty()); });
}

TEST_P(AttachmentsTest, RefusedBeforeTheStoreWhenTheOwnerIsNotThereOrStorageIsMissing) {
  const auto news = owner("news");
  const std::string upload = photo();
  EXPECT_THROW(news.add(
                   {upload, false, std::nullopt, "", ""}, [](db::Connection&) -> std::int64_t { throw NotFound(); }, nothing),
               NotFound);
  EXPECT_TRUE(fs::exists(upload));  // untouched: the caller's upload slot removes it
  EXPECT_EQ(stored_files(root_), 0);
  const attachments::Attachments nowhere(t_->db(), {"news", "", "bản tin"});
  try {
    nowhere.add({upload, false, std::nullopt, "", ""}, is(1), nothing);
    FAIL() << "stored without a directory";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 503);
  }
}

TEST_P(AttachmentsTest, WhatIsNotAPhotoOrVideoIsRefusedAndNotKept) {
  const auto news = owner("news");
  const auto p = incoming_ / "words.part";
  std::ofstream(p) << "just words, not a photo at all; long enough to be sniffed properly";
  try {
    news.add({p.string(), false, std::nullopt, "", ""}, is(1), nothing);
    FAIL() << "a text file was stored";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 415);
  }
  EXPECT_EQ(stored_files(root_), 0);
  t_->db().read([&](db::Connection& c) { EXPECT_TRUE(news.list(c, 1).empty()); });
}

// The flow asks its FileStore, and nothing else, to keep, serve and remove files: another store
// (an object store, say) would take the owners' files without a change to them.
TEST_P(AttachmentsTest, AnotherFileStoreKeepsServesAndRemovesTheOwnersFiles) {
  struct Recording final : attachments::FileStore {
    explicit Recording(const fs::path& root) : inner(attachments::directory_store(root.string())) {}
    std::string keep(const std::string& local_path) override {
      kept.push_back(inner->keep(local_path));
      return kept.back();
    }
    std::string path(const std::string& name) const override {
      served.push_back(name);
      return inner->path(name);
    }
    void remove(const std::string& name) noexcept override {
      removed.push_back(name);
      inner->remove(name);
    }
    std::shared_ptr<attachments::FileStore> inner;
    std::vector<std::string> kept, removed;
    mutable std::vector<std::string> served;
  };
  const fs::path elsewhere = t_->dir() / "object-store";
  auto store = std::make_shared<Recording>(elsewhere);
  // no directory of its own: the owner's files go where its store keeps them
  const attachments::Attachments news(t_->db(), {"news", "", "bản tin"}, store);
  const auto a = news.add({photo(), false, std::nullopt, "", ""}, is(5), nothing);
  ASSERT_EQ(store->kept.size(), 1u);
  EXPECT_EQ(a.stored_name, store->kept[0]);
  EXPECT_EQ(stored_files(elsewhere), 1);
  EXPECT_EQ(stored_files(root_), 0);
  t_->db().read([&](db::Connection& c) {
    const auto f = news.file(c, 5, a.id, "tin");
    EXPECT_EQ(store->served, std::vector<std::string>{a.stored_name});
    EXPECT_TRUE(fs::exists(f.path));
  });
  // a failure after the keep: the store is asked to remove what it kept
  EXPECT_THROW(news.add({photo(), false, std::nullopt, "", ""}, is(5),
                        [](db::Connection&, const attachments::Attachment&) { throw Conflict("Bản tin vừa bị xóa."); }),
               Conflict);
  ASSERT_EQ(store->kept.size(), 2u);
  EXPECT_EQ(store->removed, std::vector<std::string>{store->kept[1]});
  EXPECT_EQ(stored_files(elsewhere), 1);
}

TEST_P(AttachmentsTest, RemoveAllTakesOneOwnersRowsOnly) {
  const auto news = owner("news");
  const auto tips = owner("tips");
  news.add({photo(1), false, std::nullopt, "", ""}, is(5), nothing);
  tips.add({photo(2), false, std::nullopt, "", ""}, is(5), nothing);
  t_->db().write([&](db::Connection& c) { news.remove_all(c, 5); });
  t_->db().read([&](db::Connection& c) {
    EXPECT_TRUE(news.list(c, 5).empty());
    EXPECT_EQ(tips.list(c, 5).size(), 1u);
    EXPECT_EQ(attachments::list(c, "tips", 5).size(), 1u);
  });
}

INSTANTIATE_TEST_SUITE_P(Engines, AttachmentsTest, ::testing::ValuesIn(antq::test::engines()));

// Migration 0021 moves the files of tips and registers (evaluations among them) into the one
// table: register rows keep their ids (audit entries name them), tips' files follow them, and the
// identity goes on after the highest id on PostgreSQL.
class AttachmentsMigrationTest : public ::testing::TestWithParam<std::string> {};

TEST_P(AttachmentsMigrationTest, ExistingFilesKeepTheirOwnersAndRegisterIds) {
  test::TestDatabase t(GetParam());
  auto& database = t.db();
  database.write([&](db::Connection& c) {
    c.execute_script(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)");
    for (const auto& m : db::embedded_migrations(database.engine())) {
      if (m.version > 20) break;
      c.execute_script(m.sql);
      c.query("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)", m.version, m.name, m.checksum,
              "2026-12-01T00:00:00Z");
    }
    c.query(
        "INSERT INTO units (id, code, dataset, name, full_name, kind, path, depth, search_text, sort_key, created_at, updated_at) "
        "VALUES (1, '01', 'local', 'Hà Nội', 'Thành phố Hà Nội', 'province', '/1/', 0, 'ha noi', '00', $1, $1)",
        "2026-12-01T00:00:00Z");
    c.query(
        "INSERT INTO tips (id, tracking_code, secret_hash, unit_id, category, channel, description, search_text, anonymous, "
        "status, received_at, settle_due_at, updated_at) VALUES (4, 'T1', 'h', 1, $1, 'online', 'd', 'd', 1, 'received', $2, $2, $2)",
        c.query("SELECT code FROM tip_categories ORDER BY code LIMIT 1").rows[0].text(0), "2026-12-01T00:00:00Z");
    c.query(
        "INSERT INTO tip_attachments (tip_id, at, uploaded_by, kind, media_type, size, sha256, stored_name, location_removed) "
        "VALUES (4, 'a1', NULL, 'image', 'image/jpeg', 10, 's1', '2026/12/tip.jpg', 1)");
    c.query(
        "INSERT INTO register_attachments (id, register, record_id, at, uploaded_by, kind, media_type, size, sha256, stored_name, "
        "location_removed, part) VALUES (12, 'activities', 9, 'a2', 'ca.a', 'video', 'video/mp4', 20, 's2', '2026/12/act.mp4', 0, '')");
    c.query(
        "INSERT INTO register_attachments (id, register, record_id, at, uploaded_by, kind, media_type, size, sha256, stored_name, "
        "location_removed, part) VALUES (13, 'evaluations', 2, 'a3', 'ca.b', 'image', 'image/png', 30, 's3', '2026/12/ev.png', 1, 'c1')");
  });
  db::migrate(database);
  database.read([&](db::Connection& c) {
    const auto act = attachments::list(c, "activities", 9);
    ASSERT_EQ(act.size(), 1u);
    EXPECT_EQ(act[0].id, 12);
    EXPECT_EQ(act[0].stored_name, "2026/12/act.mp4");
    EXPECT_FALSE(act[0].location_removed);
    const auto ev = attachments::list(c, "evaluations", 2);
    ASSERT_EQ(ev.size(), 1u);
    EXPECT_EQ(ev[0].id, 13);
    EXPECT_EQ(ev[0].part, "c1");
    const auto tip = attachments::list(c, "tips", 4);
    ASSERT_EQ(tip.size(), 1u);
    EXPECT_GT(tip[0].id, 13);
    EXPECT_FALSE(tip[0].uploaded_by.has_value());
    EXPECT_EQ(tip[0].sha256, "s1");
  });
  // New rows are numbered after the copied ones.
  const auto next = database.write_value([&](db::Connection& c) {
    return c
        .query(
            "INSERT INTO attachments (owner, owner_id, at, kind, media_type, size, sha256, stored_name, location_removed) "
            "VALUES ('news', 1, 'a4', 'image', 'image/jpeg', 1, 's4', 'n.jpg', 1) RETURNING id")
        .rows[0]
        .integer(0);
  });
  EXPECT_GT(next, 14);
}

INSTANTIATE_TEST_SUITE_P(Engines, AttachmentsMigrationTest, ::testing::ValuesIn(antq::test::engines()));
