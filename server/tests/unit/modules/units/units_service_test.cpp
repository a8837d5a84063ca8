#include "modules/units/units_service.hpp"

#include <gtest/gtest.h>

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/keyring.hpp"
#include "db/migrations.hpp"
#include "modules/units/units_dataset.hpp"
#include "modules/units/units_demo.hpp"
#include "support/test_database.hpp"

using namespace antq;
using antq::test::TestDatabase;

namespace {

// A small pre-reform list: one province, two districts, four communes.
constexpr const char* kOldList =
    "code,name,level,parent_code,full_name,unit_type\n"
    "51,Quảng Ngãi,province,,Tỉnh Quảng Ngãi,Tỉnh\n"
    "527,Sơn Tịnh,district,51,Huyện Sơn Tịnh,Huyện\n"
    "522,Bình Sơn,district,51,Huyện Bình Sơn,Huyện\n"
    "21220,Tịnh Hà,commune,527,Thị trấn Tịnh Hà,Thị trấn\n"
    "21223,Tịnh Sơn,commune,527,Xã Tịnh Sơn,Xã\n"
    "21232,Tịnh Bình,commune,527,Xã Tịnh Bình,Xã\n"
    "21001,Bình Long,commune,522,Xã Bình Long,Xã\n";

// After the reform: no districts; Tịnh Hà, Tịnh Sơn and Tịnh Bình merged into Xã Sơn Tịnh (21220).
constexpr const char* kNewList =
    "code,name,level,parent_code,full_name,unit_type\n"
    "51,Quảng Ngãi,province,,Tỉnh Quảng Ngãi,Tỉnh\n"
    "21220,Sơn Tịnh,commune,51,Xã Sơn Tịnh,Xã\n"
    "21001,Bình Sơn,commune,51,Xã Bình Sơn,Xã\n";

constexpr const char* kSuccessions = "old_code,new_code\n51,51\n21220,21220\n21223,21220\n21232,21220\n21001,21001\n";

http::Principal admin_at(std::string unit_code, std::string unit_path) {
  http::Principal p{"1", "admin", "admin", std::move(unit_code), std::move(unit_path)};
  p.permissions = {"units.write"};
  return p;
}
const http::Principal kNational = admin_at("", "");

}  // namespace

class UnitsServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    t_ = std::make_unique<TestDatabase>(GetParam());
    db::migrate(t_->db());
    service_ = std::make_unique<units::UnitsService>(t_->db(), audit_);
  }
  http::Principal scoped_to(const std::string& code) { return admin_at(code, *service_->path_of(code)); }
  crypto::Keyring keys_ = crypto::Keyring::from_hex(crypto::random_hex(32));
  audit::AuditLog audit_{keys_};
  std::unique_ptr<TestDatabase> t_;
  std::unique_ptr<units::UnitsService> service_;
};

TEST_P(UnitsServiceTest, ImportBuildsTheTreeAndIsIdempotent) {
  auto first = units::import_units(t_->db(), kOldList, "vn-3tier");
  EXPECT_EQ(first.inserted, 7);
  auto again = units::import_units(t_->db(), kOldList, "vn-3tier");
  EXPECT_EQ(again.inserted, 0);
  EXPECT_EQ(again.unchanged, 7);
  EXPECT_EQ(again.retired, 0);

  auto top = service_->children(std::nullopt);
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(top[0].code, "51");
  EXPECT_TRUE(top[0].has_children);
  // Vietnamese order: Bình Sơn before Sơn Tịnh.
  auto districts = service_->children(std::string("51"));
  ASSERT_EQ(districts.size(), 2u);
  EXPECT_EQ(districts[0].full_name, "Huyện Bình Sơn");
  EXPECT_EQ(districts[1].full_name, "Huyện Sơn Tịnh");
  EXPECT_THROW(service_->children(std::string("99999")), NotFound);
}

TEST_P(UnitsServiceTest, DetailListsAncestorsFromTheTop) {
  units::import_units(t_->db(), kOldList, "vn-3tier");
  auto d = service_->get("21223", std::nullopt);
  EXPECT_EQ(d.unit.full_name, "Xã Tịnh Sơn");
  ASSERT_EQ(d.ancestors.size(), 2u);
  EXPECT_EQ(d.ancestors[0].code, "51");
  EXPECT_EQ(d.ancestors[1].code, "527");
  EXPECT_FALSE(d.successor.has_value());
  EXPECT_THROW(service_->get("nope", std::nullopt), NotFound);
}

TEST_P(UnitsServiceTest, SearchIgnoresDiacriticsAndCase) {
  units::import_units(t_->db(), kOldList, "vn-3tier");
  auto hits = service_->search("son tinh", false, 20);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].unit.code, "527");  // the name equals the query: first
  EXPECT_EQ(hits[0].parent_full_name.value_or(""), "Tỉnh Quảng Ngãi");
  EXPECT_EQ(service_->search("TỊNH SƠN", false, 20).at(0).unit.code, "21223");
  EXPECT_TRUE(service_->search("zzz", false, 20).empty());
  // LIKE wildcards in the query are literal.
  EXPECT_TRUE(service_->search("%", false, 20).empty());
  EXPECT_THROW(service_->search("   ", false, 20), BadRequest);
}

TEST_P(UnitsServiceTest, CreatesVillagesWithGeneratedCodesInScopeOnly) {
  units::import_units(t_->db(), kOldList, "vn-3tier");
  auto v1 = service_->create(kNational, {"21223", "Thôn Phú Thọ", "village", std::nullopt, std::string("Thôn")});
  auto v2 = service_->create(kNational, {"21223", "Thôn Thọ Trung", "village", std::nullopt, std::nullopt});
  EXPECT_EQ(v1.code, "21223-001");
  EXPECT_EQ(v2.code, "21223-002");
  EXPECT_EQ(v1.kind, "village");
  EXPECT_EQ(v1.parent_code.value_or(""), "21223");
  // Someone scoped to another district cannot create under Tịnh Sơn, nor learn that it exists.
  const auto other = scoped_to("522");
  EXPECT_THROW(service_->create(other, {"21223", "Thôn X", "village", std::nullopt, std::nullopt}), NotFound);
  // An explicit code already used by an active unit is a conflict.
  EXPECT_THROW(service_->create(kNational, {"21223", "Thôn Y", "village", std::string("21223-001"), std::nullopt}), Conflict);
  EXPECT_THROW(service_->create(kNational, {"21223", "Tỉnh Z", "province", std::nullopt, std::nullopt}), BadRequest);
  EXPECT_THROW(service_->create(kNational, {"51", "Thôn dưới tỉnh", "village", std::nullopt, std::nullopt}), RuleViolation);
  EXPECT_THROW(service_->create(kNational, {"21223", "Trường", "establishment", std::nullopt, std::string("castle")}), BadRequest);
}

TEST_P(UnitsServiceTest, RetiringIntoASuccessorRollsTheSubtreeUp) {
  units::import_units(t_->db(), kOldList, "vn-3tier");
  auto village = service_->create(kNational, {"21232", "Thôn A", "village", std::nullopt, std::nullopt});
  units::UpdateUnit upd;
  upd.successor_code = "21220-x";
  EXPECT_THROW(service_->update(kNational, village.code, upd), NotFound);
  auto target = service_->create(kNational, {"21223", "Thôn B", "village", std::nullopt, std::nullopt});
  upd.successor_code = target.code;
  auto retired = service_->update(kNational, village.code, upd);
  EXPECT_FALSE(retired.active);
  // Its path now lies under the successor: records of Thôn A count toward Thôn B and up.
  auto succ_path = *service_->path_of(target.code);
  EXPECT_TRUE(retired.path.starts_with(succ_path)) << retired.path << " vs " << succ_path;
  auto d = service_->get(village.code, std::nullopt);
  ASSERT_TRUE(d.successor.has_value());
  EXPECT_EQ(d.successor->code, target.code);
}

TEST_P(UnitsServiceTest, ReformImportRetiresOldUnitsAndMovesVillagesToSuccessors) {
  units::import_units(t_->db(), kOldList, "vn-3tier");
  auto village = service_->create(kNational, {"21223", "Thôn Phú Thọ", "village", std::nullopt, std::nullopt});
  const auto old_commune_path = *service_->path_of("21223");

  auto rep = units::import_units(t_->db(), kNewList, "vn-2tier", std::string_view(kSuccessions));
  EXPECT_EQ(rep.inserted, 3);
  EXPECT_EQ(rep.retired, 7);
  EXPECT_EQ(rep.successions, 5);
  EXPECT_EQ(rep.local_moved, 1);

  // The live tree is the new list; codes reused by the reform point at the new units.
  auto d = service_->get("21220", std::nullopt);
  EXPECT_EQ(d.unit.full_name, "Xã Sơn Tịnh");
  EXPECT_EQ(d.unit.dataset, "vn-2tier");
  ASSERT_EQ(d.ancestors.size(), 1u);
  // The old commune stays addressable with its list's label, and names its successor.
  auto old = service_->get("21223", std::string("vn-3tier"));
  EXPECT_FALSE(old.unit.active);
  ASSERT_TRUE(old.successor.has_value());
  EXPECT_EQ(old.successor->code, "21220");
  EXPECT_TRUE(old.unit.path.starts_with(*service_->path_of("21220")));
  EXPECT_NE(old.unit.path, old_commune_path);
  // The village now belongs to the new commune.
  auto v = service_->get(village.code, std::nullopt);
  EXPECT_EQ(v.unit.parent_code.value_or(""), "21220");
  EXPECT_TRUE(v.unit.path.starts_with(*service_->path_of("21220")));
  // Search shows only live units unless asked.
  for (const auto& h : service_->search("tinh son", false, 20)) EXPECT_TRUE(h.unit.active);
  EXPECT_FALSE(service_->search("tinh son", true, 20).empty());
}

TEST_P(UnitsServiceTest, WithoutSuccessionsAUnitIsSucceededByTheNewUnitWithItsCode) {
  units::import_units(t_->db(), kOldList, "vn-3tier");
  auto village = service_->create(kNational, {"21220", "Thôn Đông", "village", std::nullopt, std::nullopt});
  auto orphan = service_->create(kNational, {"21232", "Thôn Tây", "village", std::nullopt, std::nullopt});
  auto rep = units::import_units(t_->db(), kNewList, "vn-2tier");
  EXPECT_EQ(rep.successions, 0);
  EXPECT_EQ(rep.successions_by_code, 3);  // 51, 21220, 21001
  EXPECT_EQ(rep.local_moved, 1);
  EXPECT_EQ(rep.local_orphaned, 1);  // Tịnh Bình (21232) has no namesake in the new list
  EXPECT_EQ(service_->get(village.code, std::nullopt).unit.parent_code.value_or(""), "21220");
  EXPECT_TRUE(service_->get(village.code, std::nullopt).unit.path.starts_with(*service_->path_of("21220")));
  EXPECT_EQ(service_->get(orphan.code, std::nullopt).unit.parent_code.value_or(""), "21232");
}

TEST_P(UnitsServiceTest, WholeCountryScopeCoversEveryPath) {
  units::import_units(t_->db(), kOldList, "vn-3tier");
  const auto range = units::subtree_range("");
  for (const auto& code : {"51", "527", "21220"}) {
    const auto p = *service_->path_of(code);
    EXPECT_TRUE(p >= range.lo && p < range.hi) << p;
    EXPECT_TRUE(units::in_scope("", p));
  }
}

TEST_P(UnitsServiceTest, BadListsAreRejectedWithLineNumbersAndChangeNothing) {
  units::import_units(t_->db(), kOldList, "vn-3tier");
  const std::string bad = "code,name,level,parent_code\n1,A,province,\n2,,commune,1\n3,C,hamlet,1\n4,D,commune,404\n";
  try {
    units::import_units(t_->db(), bad, "broken");
    FAIL() << "expected BadRequest";
  } catch (const BadRequest& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("dòng 3"), std::string::npos) << msg;
    EXPECT_NE(msg.find("dòng 4"), std::string::npos) << msg;
    EXPECT_NE(msg.find("dòng 5"), std::string::npos) << msg;
  }
  EXPECT_EQ(service_->children(std::nullopt).at(0).code, "51");
  EXPECT_THROW(units::import_units(t_->db(), "name,level\nX,province\n", "x"), BadRequest);
  EXPECT_THROW(units::import_units(t_->db(), kOldList, "local"), BadRequest);
}

TEST_P(UnitsServiceTest, WritesNeedThePermissionAndAreAudited) {
  units::import_units(t_->db(), kOldList, "vn-3tier");
  http::Principal reader{"3", "steering.user", "steering", "", ""};
  reader.permissions = {"reports.read"};
  EXPECT_THROW(service_->create(reader, {"21223", "Thôn X", "village", std::nullopt, std::nullopt}), Forbidden);
  auto v = service_->create(kNational, {"21223", "Thôn X", "village", std::nullopt, std::nullopt}, "req-1");
  auto [entries, total] = audit_.list(t_->db(), audit::Filter{});
  ASSERT_EQ(total, 1);
  EXPECT_EQ(entries[0].entry.action, "unit.create");
  EXPECT_EQ(entries[0].entry.entity_id, v.code);
  EXPECT_EQ(entries[0].entry.request_id, "req-1");
  EXPECT_TRUE(audit_.verify(t_->db()).ok);
}

TEST_P(UnitsServiceTest, DemoSeedIsIdempotent) {
  units::import_units(t_->db(), kNewList, "vn-2tier");
  auto first = units::seed_demo(t_->db(), audit_);
  EXPECT_EQ(first.created, 7);
  EXPECT_EQ(first.skipped_communes, 1);  // 09574 (Hà Nội) is not in this small list
  EXPECT_EQ(units::seed_demo(t_->db(), audit_).created, 0);
  auto villages = service_->children(std::string("21220"));
  ASSERT_FALSE(villages.empty());
  bool found = false;
  for (const auto& v : villages) found = found || v.full_name == "Thôn Trường Thọ";
  EXPECT_TRUE(found);
}

INSTANTIATE_TEST_SUITE_P(Engines, UnitsServiceTest, ::testing::ValuesIn(antq::test::engines()));
