// Issue 18, item 20: a register's export is named by the server itself in Vietnamese, with the unit
// and the Vietnam day, exactly as the web names the file it saves (web/src/lib/files.ts with the
// menu titles of web/src/registers/config.ts), so curl -OJ and the page give one name.
#include <gtest/gtest.h>

#include "core/time.hpp"
#include "integration/server_fixture.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;

class ExportNamesTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { s_ = std::make_unique<ServerFixture>(GetParam(), ServerOptionsForTest{}); }
  std::uint16_t port() const { return s_->port(); }
  // The Content-Disposition of an export, checked to carry the same name twice (RFC 6266).
  std::string name_of(const std::string& target, const std::string& token) {
    auto r = request(port(), "GET", target, "", bearer(token));
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    const std::string h = r.header("content-disposition");
    const auto q = h.find("filename=\"");
    const auto star = h.find("; filename*=UTF-8''");
    EXPECT_EQ(h.rfind("attachment; ", 0), 0u) << h;
    if (q == std::string::npos || star == std::string::npos) {
      ADD_FAILURE() << target << ": " << h;
      return "";
    }
    const std::string plain = h.substr(q + 10, h.find('"', q + 10) - q - 10);
    EXPECT_EQ(h.substr(star + 19), plain) << "an ASCII name is the same in filename*";
    return plain;
  }
  std::unique_ptr<ServerFixture> s_;
};

TEST_P(ExportNamesTest, EveryRegisterIsNamedInVietnameseWithTheUnitAndTheDay) {
  const std::string day = timeutil::today_vietnam();
  // The web's menu names, as slugs: "Sổ Tuần tra" → so-tuan-tra.
  const std::map<std::string, std::string> stems{{"activities", "so-hoat-dong"},
                                                 {"opinions", "so-y-kien-nhan-dan"},
                                                 {"models", "so-mo-hinh-chuyen-de"},
                                                 {"groups", "so-to-nhom"},
                                                 {"patrols", "so-tuan-tra"},
                                                 {"mediations", "so-hoa-giai"},
                                                 {"programs", "so-chuong-trinh-phoi-hop"},
                                                 {"pledges", "so-cam-ket"},
                                                 {"awards", "so-khen-thuong"},
                                                 {"reintegration/people", "so-giup-do-tai-hoa-nhap-cong-dong"},
                                                 {"hotspots", "so-dia-ban-trong-diem"}};
  // The unit filtered on.
  for (const auto& [reg, stem] : stems) {
    for (const std::string format : {"csv", "xlsx"}) {
      EXPECT_EQ(name_of("/api/v1/" + reg + "/export?format=" + format + "&unit=21220", s_->national_admin()),
                stem + "_xa-son-tinh_" + day + "." + format);
    }
  }
  // No filter: the caller's own unit, or the whole country.
  const auto village = s_->add_user("v.truongtho", "village_officer", "21220-001");
  EXPECT_EQ(name_of("/api/v1/patrols/export?format=xlsx", village), "so-tuan-tra_thon-truong-tho_" + day + ".xlsx");
  EXPECT_EQ(name_of("/api/v1/mediations/export", s_->national_admin()), "so-hoa-giai_toan-quoc_" + day + ".csv");
  EXPECT_EQ(name_of("/api/v1/activities/export?format=csv", s_->commune_admin()), "so-hoat-dong_xa-son-tinh_" + day + ".csv");
  // A unit outside the caller's area is still a 404, named or not.
  EXPECT_EQ(request(port(), "GET", "/api/v1/patrols/export?unit=09574", "", bearer(village)).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Engines, ExportNamesTest, ::testing::ValuesIn(antq::test::engines()));
