// The public opinion form's endpoint (issue 18, item 18 follow-ups): a commune or a village only,
// its own hourly limit (public_opinions_per_hour, apart from the tips'), and refusals written for a
// citizen — no API field name in the message — that still name the field.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <regex>

#include "integration/server_fixture.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

const std::map<std::string, std::string> kJson{{"Content-Type", "application/json"}};
const std::string kContent = "Đề nghị lắp thêm đèn chiếu sáng ở đoạn đường từ chợ về trường học.";

std::string opinion(const std::string& unit, const std::string& topic = "traffic", const std::string& content = kContent) {
  return bj::serialize(bj::object{{"unit", unit}, {"topic", topic}, {"content", content}});
}

}  // namespace

class PublicOpinionsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void start(int opinions_per_hour, int tips_per_hour) {
    ServerOptionsForTest o;
    o.public_rate_limit = true;
    o.public_tips_per_hour = tips_per_hour;
    o.configure = [opinions_per_hour](app::Config& c) { c.public_opinions_per_hour = opinions_per_hour; };
    s_ = std::make_unique<ServerFixture>(GetParam(), o);
  }
  HttpReply send(const std::string& body) { return request(s_->port(), "POST", "/api/v1/public/opinions", body, kJson); }
  std::unique_ptr<ServerFixture> s_;
};

TEST_P(PublicOpinionsTest, OnlyACommuneOrAVillageAndEveryRefusalSpeaksToACitizen) {
  start(100, 100);
  EXPECT_EQ(send(opinion("21220-001")).status, 201);  // a village
  EXPECT_EQ(send(opinion("21220")).status, 201);      // a commune
  struct Case {
    std::string body, field, message;
  };
  const std::vector<Case> cases{
      {opinion("51"), "unit", "Hãy chọn xã, phường hoặc thôn, tổ dân phố"},  // a province
      {opinion("99999-999"), "unit", "Không tìm thấy xã, phường hoặc thôn, tổ dân phố"},
      {R"({"topic":"traffic","content":")" + kContent + "\"}", "unit", "Hãy chọn xã, phường hoặc thôn, tổ dân phố"},
      {R"({"unit":21220,"topic":"traffic","content":")" + kContent + "\"}", "unit", "Hãy chọn xã, phường hoặc thôn, tổ dân phố"},
      {opinion("21220-001", ""), "topic", "Hãy chọn lĩnh vực"},
      {opinion("21220-001", "khong-co"), "topic", "Lĩnh vực đã chọn không còn trong danh sách"},
      {opinion("21220-001", "traffic", "Ngắn quá"), "content", "Nội dung ý kiến cần từ 10 đến 2.000 ký tự"},
      {opinion("21220-001", "traffic", std::string(2001, 'a')), "content", "Nội dung ý kiến cần từ 10 đến 2.000 ký tự"},
      {R"({"unit":"21220-001","topic":"traffic"})", "content", "Nội dung ý kiến cần từ 10 đến 2.000 ký tự"},
      {opinion("21220-001", "traffic", "Có ký tự lạ \x01 ở giữa nội dung."), "content", "Nội dung ý kiến có ký tự không hợp lệ"},
      {R"({"unit":"21220-001","topic":"traffic","content":")" + kContent + R"(","source":"conference"})", "source",
       "Không đọc được ý kiến gửi lên"},
      {"{\"unit\":", "", "Không đọc được ý kiến gửi lên"},
  };
  const std::regex api_field("'(unit|topic|content|source)'|\"(unit|topic|content|source)\"");
  for (const auto& c : cases) {
    auto r = send(c.body);
    ASSERT_EQ(r.status, 400) << c.body.substr(0, 80) << " → " << r.body;
    const auto reply = r.json();
    const auto& e = reply.at("error");
    const std::string message(e.at("message").as_string());
    EXPECT_NE(message.find(c.message), std::string::npos) << message;
    EXPECT_FALSE(std::regex_search(message, api_field)) << "an API field name in: " << message;
    if (!c.field.empty()) EXPECT_EQ(e.at("field").as_string(), c.field) << r.body;
  }
}

TEST_P(PublicOpinionsTest, OpinionsHaveTheirOwnHourlyLimit) {
  start(3, 1);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(send(opinion("21220-001")).status, 201) << i;
  auto r = send(opinion("21220-001"));
  EXPECT_EQ(r.status, 429);
  EXPECT_FALSE(r.header("retry-after").empty());
  // The tips' limit (1 an hour here) is another one: not spent by the opinions above.
  auto tip =
      request(s_->port(), "POST", "/api/v1/public/tips",
              R"({"unit":"21220-001","category":"drugs","description":"Có người lạ bán hàng cấm ở đầu thôn.","anonymous":true})", kJson);
  EXPECT_EQ(tip.status, 201) << tip.body;
}

INSTANTIATE_TEST_SUITE_P(Engines, PublicOpinionsTest, ::testing::ValuesIn(antq::test::engines()));
