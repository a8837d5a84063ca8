// The 2025 reform applied to the full pre-reform list shipped in data/units/ (10,794 units), and
// resolve_at reading old and new codes and names against it.
#include <gtest/gtest.h>

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/keyring.hpp"
#include "db/migrations.hpp"
#include "modules/units/unit_resolve.hpp"
#include "modules/units/units_reform.hpp"
#include "modules/units/units_repository.hpp"
#include "modules/units/units_service.hpp"
#include "support/test_database.hpp"

using namespace antq;
using antq::test::TestDatabase;

namespace {

std::int64_t count(db::Database& db, const std::string& sql) {
  return db.read_value([&](db::Connection& c) { return c.query(sql).rows.at(0).integer(0); });
}

}  // namespace

class LineageTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    t_ = std::make_unique<TestDatabase>(GetParam());
    db::migrate(t_->db());
  }
  void load_old_list() { units::import_units(t_->db(), *units::shipped_list("vn-3tier"), "vn-3tier"); }
  units::Unit unit(const std::string& code, const std::string& dataset) {
    return *t_->db().read_value([&](db::Connection& c) { return units::repo::find_in_dataset(c, code, dataset); });
  }
  std::optional<units::Unit> resolve(const std::string& what, const std::string& date, std::string* why = nullptr) {
    return t_->db().read_value([&](db::Connection& c) { return units::resolve_at(c, what, date, why); });
  }
  crypto::Keyring keys_ = crypto::Keyring::from_hex(crypto::random_hex(32));
  audit::AuditLog audit_{keys_};
  std::unique_ptr<TestDatabase> t_;
};

TEST_P(LineageTest, ReformLinksEveryOldUnitToItsSuccessorAndRunsOnce) {
  load_old_list();
  http::Principal national{"1", "admin", "admin", "", ""};
  national.permissions = {"units.write"};
  units::UnitsService service(t_->db(), audit_);
  const auto village = service.create(national, {"21142", "Thôn Trà Bùi 1", "village", std::nullopt, std::nullopt});

  const auto r = units::reform_units(t_->db(), "2025-07-01");
  EXPECT_FALSE(r.already_applied);
  EXPECT_EQ(r.list.inserted, 3355);
  EXPECT_EQ(r.list.retired, 10794);
  EXPECT_EQ(r.split, 441);
  EXPECT_EQ(r.unlisted, 2);  // 01651 Mỹ Hưng and 02482 Phú Thịnh are not in the table
  EXPECT_EQ(r.whole + r.same + r.split + r.unlisted, 10035);
  EXPECT_EQ(r.special_zones, 5);
  EXPECT_EQ(r.districts, 696);
  EXPECT_EQ(r.provinces, 63);
  EXPECT_EQ(r.queued, 441 + 2 + 1);

  // Whole: Phường Trúc Bạch (00004) into the new Phường Ba Đình, which kept the code 00004.
  const auto truc_bach = unit("00004", "vn-3tier"), ba_dinh = unit("00004", "vn-2tier");
  EXPECT_FALSE(truc_bach.active);
  EXPECT_EQ(truc_bach.retired_on, "2025-07-01");
  EXPECT_EQ(truc_bach.successor_id, ba_dinh.id);
  EXPECT_TRUE(truc_bach.path.starts_with(ba_dinh.path));
  // Ba Chẽ carries the state's code 06970 in the 2-tier list, and Thị trấn Ba Chẽ went into it.
  EXPECT_EQ(unit("06970", "vn-3tier").successor_id, unit("06970", "vn-2tier").id);
  EXPECT_EQ(count(t_->db(), "SELECT COUNT(*) FROM units WHERE code = '06978'"), 0);
  // Split: Xã Trà Bùi hangs under the new Quảng Ngãi, its village too, both queued.
  const auto qn = unit("51", "vn-2tier");
  EXPECT_EQ(unit("21142", "vn-3tier").successor_id, qn.id);
  const auto v = *t_->db().read_value([&](db::Connection& c) { return units::repo::find_by_id(c, village.id); });
  EXPECT_EQ(v.parent_id, qn.id);
  EXPECT_TRUE(v.active);
  EXPECT_EQ(count(t_->db(), "SELECT COUNT(*) FROM unit_lineage WHERE old_unit_id = " + std::to_string(unit("21142", "vn-3tier").id)), 2);
  // Special zone: Huyện Côn Đảo (Bà Rịa - Vũng Tàu) became Đặc khu Côn Đảo (Hồ Chí Minh City).
  EXPECT_EQ(unit("755", "vn-3tier").successor_id, unit("26732", "vn-2tier").id);
  EXPECT_EQ(unit("77", "vn-3tier").successor_id, unit("79", "vn-2tier").id);
  EXPECT_EQ(unit("755", "vn-3tier").retired_on, "2025-07-01");

  const auto units_before = count(t_->db(), "SELECT COUNT(*) FROM units");
  const auto again = units::reform_units(t_->db(), "2025-07-01");
  EXPECT_TRUE(again.already_applied);
  EXPECT_EQ(count(t_->db(), "SELECT COUNT(*) FROM units"), units_before);
  EXPECT_EQ(count(t_->db(), "SELECT COUNT(*) FROM unit_reassignments"), 444);
}

TEST_P(LineageTest, ResolveAtReadsOldAndNewCodesAndNamesByDate) {
  load_old_list();
  units::reform_units(t_->db(), "2025-07-01");
  // A reused code: Trúc Bạch before the reform, Ba Đình after.
  EXPECT_EQ(resolve("00004", "2024-05-01")->full_name, "Phường Trúc Bạch");
  EXPECT_EQ(resolve("00004", "2025-07-01")->full_name, "Phường Ba Đình");
  EXPECT_EQ(resolve("00004", "")->full_name, "Phường Ba Đình");
  // A name path, diacritics and unit type optional.
  EXPECT_EQ(resolve("Xã Sơn Tịnh, Quảng Ngãi", "2025-09-01")->code, "21220");
  EXPECT_EQ(resolve("xa son tinh, quang ngai", "2025-09-01")->code, "21220");
  EXPECT_EQ(resolve("Xã Trà Bùi, Huyện Trà Bồng, Quảng Ngãi", "2024-03-01")->dataset, "vn-3tier");
  EXPECT_EQ(resolve("tra bui, quang ngai", "2024-03-01")->code, "21142");
  // Tone placement: the current list writes "Yên Hoà".
  EXPECT_EQ(resolve("Phường Yên Hòa, Hà Nội", "2025-09-01")->code, "00175");
  // Retired before the record's date: not matched; a new unit is not an old one.
  std::string why;
  EXPECT_FALSE(resolve("Xã Trà Bùi, Quảng Ngãi", "2025-09-01", &why));
  EXPECT_NE(why.find("thôi hoạt động"), std::string::npos) << why;
  // Ambiguous: many communes are called Tân Phú.
  EXPECT_FALSE(resolve("Tân Phú", "2025-09-01", &why));
  EXPECT_NE(why.find("khớp nhiều"), std::string::npos) << why;
  EXPECT_FALSE(resolve("Xã Không Có Thật, Quảng Ngãi", "2025-09-01", &why));
  EXPECT_NE(why.find("Không tìm thấy"), std::string::npos) << why;
  EXPECT_FALSE(resolve("00004", "2024-13-40", &why));
  EXPECT_NE(why.find("không hợp lệ"), std::string::npos) << why;
}

TEST_P(LineageTest, RefusesAnUnknownReformAndADatabaseWithoutThePreReformList) {
  units::import_units(t_->db(), *units::shipped_list("vn-2tier"), "vn-2tier");
  const auto before = count(t_->db(), "SELECT COUNT(*) FROM units WHERE active = 1");
  try {
    units::reform_units(t_->db(), "2025-07-01");
    FAIL() << "a database without vn-3tier was reformed";
  } catch (const BadRequest& e) {
    EXPECT_NE(std::string(e.what()).find("vn-3tier"), std::string::npos) << e.what();
  }
  EXPECT_THROW(units::reform_units(t_->db(), "2024-01-01"), BadRequest);
  EXPECT_EQ(count(t_->db(), "SELECT COUNT(*) FROM units WHERE active = 1"), before);
  EXPECT_EQ(count(t_->db(), "SELECT COUNT(*) FROM unit_lineage"), 0);
  EXPECT_EQ(count(t_->db(), "SELECT COUNT(*) FROM settings WHERE key LIKE 'units.reform.%'"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, LineageTest, ::testing::ValuesIn(antq::test::engines()));
