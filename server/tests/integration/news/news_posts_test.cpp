// News posts (issue 15): targeting by unit subtree, scheduled and expired posts, withdrawal,
// escaping everywhere a post is shown (API, page, Atom feed parsed by a real XML parser), scope
// and approval, and bad input answered with a Vietnamese 4xx.
#include <gtest/gtest.h>

#include <expat.h>

#include <boost/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/time.hpp"
#include "integration/news/news_support.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
using namespace antq::test::news;
namespace bj = boost::json;

namespace {

bool contains(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// The feed through expat: every entry's title as the XML parser reads it, or a parse error.
struct FeedRead {
  bool ok = false;
  std::string error;
  std::vector<std::string> titles, contents;
};

FeedRead parse_feed(const std::string& xml) {
  struct State {
    FeedRead out;
    std::string text;
    int depth_in_entry = 0;
  } st;
  XML_Parser p = XML_ParserCreate("UTF-8");
  XML_SetUserData(p, &st);
  XML_SetElementHandler(
      p,
      [](void* u, const XML_Char* name, const XML_Char**) {
        auto* s = static_cast<State*>(u);
        s->text.clear();
        if (std::string(name) == "entry") s->depth_in_entry = 1;
      },
      [](void* u, const XML_Char* name) {
        auto* s = static_cast<State*>(u);
        const std::string n(name);
        if (s->depth_in_entry && n == "title") s->out.titles.push_back(s->text);
        if (s->depth_in_entry && n == "content") s->out.contents.push_back(s->text);
        if (n == "entry") s->depth_in_entry = 0;
      });
  XML_SetCharacterDataHandler(p, [](void* u, const XML_Char* s, int len) { static_cast<State*>(u)->text.append(s, len); });
  st.out.ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  if (!st.out.ok) st.out.error = XML_ErrorString(XML_GetErrorCode(p));
  XML_ParserFree(p);
  return st.out;
}

const std::string kHostile = R"(<script>alert(1)</script> "><img src=x onerror=alert(2)> ]]> & 'x')";

}  // namespace

class NewsPostsTest : public ::testing::TestWithParam<std::string> {};

TEST_P(NewsPostsTest, APostReachesItsTargetsSubtreesAndNothingElse) {
  NewsServer n(GetParam(), "");
  const auto commune =
      n.publish_new(n.police, {{"kind", "warning"}, {"title", "Cảnh báo lừa đảo qua điện thoại"}, {"body", "Không chuyển tiền."}});
  // Default target: the author's commune. It shows there, in its villages and its feed.
  EXPECT_TRUE(contains(n.public_ids("21220"), commune));
  EXPECT_TRUE(contains(n.public_ids("21220-001"), commune));
  EXPECT_FALSE(contains(n.public_ids("21211"), commune)) << "never on another commune's page";
  EXPECT_FALSE(contains(n.public_ids("51"), commune)) << "not on the province's own page either";
  auto feed = request(n.port(), "GET", "/api/v1/public/units/21220/feed.xml", "", {});
  ASSERT_EQ(feed.status, 200);
  EXPECT_NE(feed.header("content-type").find("application/atom+xml"), std::string::npos);
  EXPECT_NE(feed.body.find("urn:antq:news:" + commune + "<"), std::string::npos) << feed.body;
  EXPECT_EQ(request(n.port(), "GET", "/api/v1/public/units/21211/feed.xml", "", {}).body.find("urn:antq:news:" + commune + "<"),
            std::string::npos);

  // A province post (the fixture's national admin targets the province) shows in all its communes.
  const auto province = n.publish_new(
      n.s->national_admin(), {{"kind", "news"}, {"title", "Tin của tỉnh"}, {"body", "Nội dung."}, {"target_units", bj::array{"51"}}});
  for (const char* unit : {"51", "21220", "21211", "21220-001", "21172"}) EXPECT_TRUE(contains(n.public_ids(unit), province)) << unit;
  EXPECT_FALSE(contains(n.public_ids("01"), province)) << "another province";
  // Warnings first.
  EXPECT_EQ(n.public_ids("21220").front(), commune);

  // Withdrawn: gone from the list, 404 on its page.
  ASSERT_EQ(n.action(n.police, commune, "withdraw").status, 200);
  EXPECT_FALSE(contains(n.public_ids("21220"), commune));
  EXPECT_EQ(request(n.port(), "GET", "/api/v1/public/news/" + commune, "", {}).status, 404);
  EXPECT_EQ(n.action(n.police, commune, "publish").status, 409) << "a withdrawn post is not published again";
}

TEST_P(NewsPostsTest, ScheduledPostsAppearAtTheirTimeAndExpiredOnesDisappear) {
  NewsServer n(GetParam(), "");
  const auto later =
      n.publish_new(n.police, {{"kind", "notice"}, {"title", "Họp dân"}, {"body", "Tối thứ Bảy."}, {"publish_at", vn_in(3)}});
  const auto brief =
      n.publish_new(n.police, {{"kind", "news"}, {"title", "Tin ngắn"}, {"body", "Chỉ vài giây."}, {"expires_at", vn_in(3)}});
  auto staff = request(n.port(), "GET", "/api/v1/news/" + later, "", bearer(n.police));
  EXPECT_EQ(staff.json().at("status"), "published");
  EXPECT_EQ(staff.json().at("scheduled"), true);
  EXPECT_FALSE(contains(n.public_ids("21220"), later));
  EXPECT_EQ(request(n.port(), "GET", "/api/v1/public/news/" + later, "", {}).status, 404);
  EXPECT_TRUE(contains(n.public_ids("21220"), brief));
  std::this_thread::sleep_for(std::chrono::milliseconds(4000));
  EXPECT_TRUE(contains(n.public_ids("21220"), later));
  EXPECT_EQ(request(n.port(), "GET", "/api/v1/public/news/" + later, "", {}).status, 200);
  EXPECT_FALSE(contains(n.public_ids("21220"), brief));
  EXPECT_EQ(request(n.port(), "GET", "/api/v1/public/news/" + brief, "", {}).status, 404);
}

TEST_P(NewsPostsTest, MarkupComesBackEscapedInTheApiThePageAndTheFeed) {
  NewsServer n(GetParam(), "");
  const std::string body = kHostile +
                           "\n\n**Đậm** và *nghiêng*\n\n- một\n- [liên kết](https://antq.example.vn/a)\n- [xấu](javascript:alert(3))\n\n"
                           "<iframe src=x></iframe>\n\n![ảnh](https://x.example/t.png)";
  const auto id = n.publish_new(n.police, {{"kind", "warning"}, {"title", kHostile}, {"summary", kHostile}, {"body", body}});
  auto r = request(n.port(), "GET", "/api/v1/public/news/" + id, "", {});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(std::string(r.json().at("title").as_string()), kHostile) << "the API returns the text as typed, JSON-escaped";
  const std::string html(r.json().at("body_html").as_string());
  for (const char* never : {"<script", "<img", "<iframe", "javascript:", "onerror=alert(2)>"})
    EXPECT_EQ(html.find(never), std::string::npos) << never << "\n" << html;
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << html;
  EXPECT_NE(html.find("<strong>Đậm</strong>"), std::string::npos) << html;
  EXPECT_NE(html.find("<em>nghiêng</em>"), std::string::npos) << html;
  EXPECT_NE(html.find("<li><a href=\"https://antq.example.vn/a\">liên kết</a></li>"), std::string::npos) << html;
  EXPECT_NE(html.find("<li>xấu</li>"), std::string::npos) << html;

  // The page with its Open Graph tags: the title escaped inside the attribute.
  auto page = request(n.port(), "GET", "/tin-tuc/" + id, "", {});
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<meta property=\"og:title\" content=\"&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img"),
            std::string::npos)
      << page.body.substr(0, 800);
  EXPECT_EQ(page.body.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(page.body.find("og:url\" content=\"" + kPublicUrl + "/tin-tuc/" + id), std::string::npos);
  // With the web build's prerendered frame of a post page, that frame is the page, tags and all.
  const auto frame = n.s->web_root() / "pages" / "tin-tuc" / "_post.html";
  std::filesystem::create_directories(frame.parent_path());
  std::ofstream(frame) << "<!doctype html><html lang=\"vi\"><head><title>ANTQ</title></head><div id=root data-page=newsPost></div>";
  page = request(n.port(), "GET", "/tin-tuc/" + id, "", {});
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<div id=root data-page=newsPost>"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("<head>\n    <meta property=\"og:type\" content=\"article\" />"), std::string::npos) << page.body;

  // The unit's news page carries the unit's list for its script: the API's JSON, in one block
  // before </body> that no title closes.
  std::ofstream(n.s->web_root() / "pages" / "tin-tuc.html")
      << "<!doctype html><html lang=\"vi\"><head></head><body><div id=root></div></body></html>";
  const auto list_page = request(n.port(), "GET", "/tin-tuc?unit=21220", "", {});
  ASSERT_EQ(list_page.status, 200);
  EXPECT_EQ(list_page.header("content-type"), "text/html; charset=utf-8");
  const std::string open = "<script type=\"application/json\" id=\"antq-news-list\">";
  const auto from = list_page.body.find(open);
  ASSERT_NE(from, std::string::npos) << list_page.body;
  const auto to = list_page.body.find("</script>", from);
  ASSERT_NE(to, std::string::npos);
  EXPECT_EQ(list_page.body.substr(to), "</script></body></html>");
  const auto served = bj::parse(list_page.body.substr(from + open.size(), to - from - open.size()));
  EXPECT_EQ(served, request(n.port(), "GET", "/api/v1/public/news?unit=21220", "", {}).json());
  EXPECT_EQ(std::string(served.at("items").at(0).at("title").as_string()), kHostile);

  // The feed parses with a real XML parser and gives the texts back as typed.
  auto feed = request(n.port(), "GET", "/api/v1/public/units/21220/feed.xml", "", {});
  const auto read = parse_feed(feed.body);
  ASSERT_TRUE(read.ok) << read.error << "\n" << feed.body;
  ASSERT_EQ(read.titles.size(), 1u);
  EXPECT_EQ(read.titles[0], kHostile);
  EXPECT_EQ(read.contents[0], html);
}

TEST_P(NewsPostsTest, ScopeApprovalAndWhoMayWrite) {
  NewsServer n(GetParam(), "");
  // Another commune is outside a commune officer's area: 404, as for any record there.
  auto other = n.create(n.police, {{"kind", "news"}, {"title", "Sai địa bàn"}, {"body", "x"}, {"target_units", bj::array{"21211"}}});
  EXPECT_EQ(other.status, 404) << other.body;
  EXPECT_EQ(other.json().at("error").at("message"), "Không tìm thấy đơn vị '21211' trong địa bàn của bạn.");
  const auto front_post = n.create(n.front, {{"kind", "news"}, {"title", "Tin Tịnh Khê"}, {"body", "x"}});
  ASSERT_EQ(front_post.status, 201) << front_post.body;
  const std::string fid(front_post.json().at("id").as_string());
  EXPECT_EQ(n.action(n.police, fid, "publish").status, 404);
  EXPECT_EQ(request(n.port(), "GET", "/api/v1/news/" + fid, "", bearer(n.police)).status, 404);
  EXPECT_EQ(request(n.port(), "PATCH", "/api/v1/news/" + fid, R"({"title":"x"})", json_auth(n.police)).status, 404);
  auto list = request(n.port(), "GET", "/api/v1/news", "", bearer(n.police));
  const auto listed = list.json();
  for (const auto& p : listed.at("items").as_array()) EXPECT_NE(p.at("id").as_string(), fid);
  // Village officers do not write news by default.
  EXPECT_EQ(n.create(n.village, {{"kind", "news"}, {"title", "Thôn"}, {"body", "x"}}).status, 403);

  // Where the commune requires approval, the officer's post waits as pending for an approver.
  EXPECT_EQ(request(n.port(), "PUT", "/api/v1/news/settings/21220", R"({"requires_approval":true})", json_auth(n.police)).status, 403);
  auto set = request(n.port(), "PUT", "/api/v1/news/settings/21220", R"({"requires_approval":true})", json_auth(n.s->commune_admin()));
  ASSERT_EQ(set.status, 200) << set.body;
  auto draft = n.create(n.police, {{"kind", "warning"}, {"title", "Chờ duyệt"}, {"body", "x"}});
  const std::string id(draft.json().at("id").as_string());
  auto submitted = n.action(n.police, id, "publish");
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(submitted.json().at("status"), "pending");
  EXPECT_FALSE(contains(n.public_ids("21220"), id));
  auto pending = request(n.port(), "GET", "/api/v1/news?status=pending", "", bearer(n.s->commune_admin()));
  ASSERT_EQ(pending.json().at("total"), 1) << pending.body;
  auto approved = n.action(n.s->commune_admin(), id, "publish");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json().at("status"), "published");
  EXPECT_TRUE(contains(n.public_ids("21220"), id));

  // Editing a published post keeps the earlier text in its history.
  auto edited = request(n.port(), "PATCH", "/api/v1/news/" + id, R"j({"title":"Chờ duyệt (đã sửa)"})j", json_auth(n.police));
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json().at("version"), 2);
  ASSERT_EQ(edited.json().at("history").as_array().size(), 1u);
  EXPECT_EQ(edited.json().at("history").as_array()[0].at("title"), "Chờ duyệt");
  EXPECT_EQ(request(n.port(), "PATCH", "/api/v1/news/" + id, R"({"target_units":["21220-001"]})", json_auth(n.police)).status, 422);
}

TEST_P(NewsPostsTest, BadInputGetsAVietnamese4xx) {
  NewsServer n(GetParam(), "");
  auto post = [&](const std::string& body) { return request(n.port(), "POST", "/api/v1/news", body, json_auth(n.police)); };
  EXPECT_EQ(post("{not json").status, 400);
  EXPECT_EQ(post(R"({"kind":"news","body":"x"})").json().at("error").at("field"), "title");
  EXPECT_EQ(post(R"({"kind":"tin","title":"a","body":"x"})").json().at("error").at("field"), "kind");
  EXPECT_EQ(post(R"({"kind":"news","title":"a","body":""})").status, 400);
  EXPECT_EQ(post(R"({"kind":"news","title":"a","body":"x","extra":1})").status, 400);
  EXPECT_EQ(post(R"({"kind":"news","title":"a","body":"x","priority":1})").json().at("error").at("field"), "priority");
  EXPECT_EQ(post(R"({"kind":"news","title":"a","body":"x","publish_at":"mai"})").json().at("error").at("field"), "publish_at");
  EXPECT_EQ(post(R"({"kind":"news","title":"a","body":"x","topics":["khong_co"]})").status, 400);
  EXPECT_EQ(post(R"({"kind":"news","title":"a","body":"x","target_units":[]})").status, 400);
  EXPECT_EQ(post(bj::serialize(bj::object{{"kind", "news"}, {"title", "a"}, {"body", std::string(20001, 'x')}})).status, 400);
  EXPECT_EQ(post(bj::serialize(bj::object{{"kind", "news"}, {"title", std::string(201, 'x')}, {"body", "x"}})).status, 400);
  EXPECT_EQ(request(n.port(), "GET", "/api/v1/news?status=xyz", "", bearer(n.police)).status, 400);
  EXPECT_EQ(request(n.port(), "GET", "/api/v1/news/abc", "", bearer(n.police)).status, 404);
  EXPECT_EQ(request(n.port(), "GET", "/api/v1/news", "", {}).status, 401);
  EXPECT_EQ(request(n.port(), "GET", "/api/v1/public/news", "", {}).status, 400);
  EXPECT_EQ(request(n.port(), "GET", "/api/v1/public/news?unit=99999", "", {}).status, 404);
  EXPECT_EQ(request(n.port(), "GET", "/api/v1/public/news/999999", "", {}).status, 404);
  EXPECT_EQ(request(n.port(), "GET", "/api/v1/public/units/99999/feed.xml", "", {}).status, 404);
  // A page of a post that does not exist is the app (which says so), never a JSON error.
  auto page = request(n.port(), "GET", "/tin-tuc/999999", "", {});
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("og:title"), std::string::npos);
  // The news page of no unit, of an unknown one or of a code no unit has: the page as built, whose
  // script asks the API and says what it answered.
  for (const std::string& query : std::vector<std::string>{"", "?unit=99999", "?unit=%3Cb%3E", "?unit=" + std::string(41, '1')}) {
    page = request(n.port(), "GET", "/tin-tuc" + query, "", {});
    EXPECT_EQ(page.status, 200) << query;
    EXPECT_EQ(page.body.find("antq-news-list"), std::string::npos) << query;
  }
}

TEST_P(NewsPostsTest, TheReportCountsPostsWarningsAndViewsAndSaysNoMore) {
  NewsServer n(GetParam(), "");
  const auto warning = n.publish_new(n.police, {{"kind", "warning"}, {"title", "Cảnh báo"}, {"body", "x"}});
  n.publish_new(n.police, {{"kind", "news"}, {"title", "Tin"}, {"body", "x"}});
  const auto gone = n.publish_new(n.police, {{"kind", "news"}, {"title", "Gỡ"}, {"body", "x"}});
  ASSERT_EQ(n.action(n.police, gone, "withdraw").status, 200);
  ASSERT_EQ(n.create(n.police, {{"kind", "news"}, {"title", "Nháp"}, {"body", "x"}}).status, 201);
  // Two devices, one of them twice: two views.
  for (const char* agent : {"Dien thoai A", "Dien thoai B", "Dien thoai A"}) {
    EXPECT_EQ(request(n.port(), "GET", "/api/v1/public/news/" + warning, "", {{"User-Agent", agent}}).status, 200);
  }
  const std::string today = timeutil::today_vietnam();
  const std::string period = "&from=" + timeutil::add_days(today, -30) + "&to=" + today;
  // The commune (live figures) and the province (the rollup's buckets, folded in the background).
  for (const char* unit : {"21220", "51"}) {
    bj::value news;
    for (int i = 0; i < 50; ++i) {
      auto r = request(n.port(), "GET", std::string("/api/v1/reports/summary?unit=") + unit + period, "", bearer(n.s->national_admin()));
      ASSERT_EQ(r.status, 200) << r.body;
      news = r.json().at("news");
      if (news.at("views") == 2) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    EXPECT_EQ(news, (bj::object{{"posts", 2}, {"warnings", 1}, {"views", 2}, {"recipients", 0}})) << unit;
  }
  auto html = request(n.port(), "GET", "/api/v1/reports/summary?unit=21220" + period + "&format=html", "", bearer(n.s->national_admin()));
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.body.find("Đăng 2 tin bài cho người dân trên cổng thông tin ANTQ, trong đó 1 tin cảnh báo; các tin được xem 2 lượt."),
            std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Engines, NewsPostsTest, ::testing::ValuesIn(antq::test::engines()));
