// The printed mediation book (issue 13 item 3): once the cases are gathered, the page is a pure
// function of them: rows in the order received, sealed parties only for readers who see them,
// totals by result and by kind.
#include "modules/mediations/mediation_book.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

using namespace antq;
namespace bj = boost::json;

namespace {

mediations::BookEntry entry(const char* received_on, const char* outcome, bool visible) {
  bj::object v{{"received_on", received_on},
               {"mediators", "Bà Hoa"},
               {"parties_count", 2},
               {"parties", bj::array{bj::object{{"name", "Nguyễn Văn A"}, {"birth_year", 1980}}, bj::object{{"name", "Trần Thị B"}}}},
               {"dispute_type", "land"},
               {"content", "Tranh chấp ranh giới <đất>"},
               {"agreement", ""},
               {"outcome", outcome},
               {"closed_on", nullptr}};
  return {std::move(v), visible};
}

}  // namespace

TEST(MediationBookHtml, RowsInOrderSealedPartiesAndTotals) {
  mediations::Book b;
  b.year = 2025;
  b.header = {"Tỉnh Quảng Ngãi", "Xã Sơn Tịnh", "Thôn 1"};
  b.dispute_kinds = {{"land", "Đất đai"}};
  b.entries = {entry("2025-02-01", "successful", true), entry("2025-03-05", "pending", false)};
  const std::string html = mediations::book_html(b);
  EXPECT_NE(html.find("Sổ theo dõi hoạt động hòa giải 2025"), std::string::npos);
  EXPECT_NE(html.find("<div>Xã Sơn Tịnh</div>"), std::string::npos);
  EXPECT_NE(html.find("Năm 2025 — 2 vụ việc"), std::string::npos);
  // The reader who sees the parties gets names and ages; the other only how many they were.
  EXPECT_NE(html.find("Nguyễn Văn A, 45 tuổi<br>Trần Thị B<br>"), std::string::npos);
  EXPECT_NE(html.find("2 bên (thông tin được bảo mật)"), std::string::npos);
  EXPECT_LT(html.find("01/02/2025"), html.find("05/03/2025"));
  EXPECT_NE(html.find("Đất đai: Tranh chấp ranh giới &lt;đất&gt;"), std::string::npos);
  EXPECT_NE(html.find("<tr><td>Hòa giải thành</td><td>1</td></tr>"), std::string::npos);
  EXPECT_NE(html.find("<tr><td>Đang hòa giải</td><td>1</td></tr>"), std::string::npos);
  EXPECT_NE(html.find("<tr><td>Đất đai</td><td>2</td></tr>"), std::string::npos);
}
