// Reports (C11), on each engine: the golden figures of the Sơn Tây paragraph recorded through the
// API come back exactly and read the Vietnamese way; the maintained rollup equals a rebuild after
// random creates, edits, deletes and a unit merge; rollup and live figures agree; issued reports
// stay as issued; scope and bad input.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <random>

#include "core/time.hpp"
#include "integration/server_fixture.hpp"
#include "integration/son_tay_review.hpp"
#include "modules/reports/rollups.hpp"
#include "modules/units/units_repository.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

namespace {

std::string today() { return timeutil::today_vietnam(); }
std::string days_ago(int n) { return timeutil::add_days(today(), -n); }

class Client {
 public:
  Client(std::uint16_t port, std::string token) : port_(port), token_(std::move(token)) {}
  // expect < 0: any answer (random work may be refused by a register's rules).
  bj::value post(const std::string& target, const bj::object& body, int expect = 201) {
    auto r = request(port_, "POST", target, bj::serialize(body), json_auth(token_));
    if (expect >= 0) EXPECT_EQ(r.status, expect) << target << " " << bj::serialize(body) << " → " << r.body;
    return (r.status == 201 || r.status == expect) && !r.body.empty() ? r.json() : bj::value(nullptr);
  }
  bj::value patch(const std::string& target, const bj::object& body) {
    auto r = request(port_, "PATCH", target, bj::serialize(body), json_auth(token_));
    EXPECT_EQ(r.status, 200) << target << " " << bj::serialize(body) << " → " << r.body;
    return r.status == 200 ? r.json() : bj::value(nullptr);
  }
  int del(const std::string& target) { return request(port_, "DELETE", target, "", bearer(token_)).status; }
  HttpReply get(const std::string& target) { return request(port_, "GET", target, "", bearer(token_)); }
  std::string id(const bj::value& v) { return v.is_object() ? std::string(v.at("id").as_string()) : std::string(); }

 private:
  std::uint16_t port_;
  std::string token_;
};

}  // namespace

class ReportsTest : public ::testing::TestWithParam<std::string> {};

// ../shared/seeds/003: "…cảm hóa giáo dục tại nhà 3.421 lượt đối tượng, hòa giải 79 vụ mâu thuẫn…; cung cấp
// … 423 tin …, giúp khám phá 45 vụ án, bắt giữ 58 đối tượng, tham gia bắt 5 đối tượng truy nã, giúp đỡ
// 21 người tiến bộ. … phát 35.000 tờ rơi …; tập huấn … cho 592 lượt cán bộ hội viên phụ nữ, … 638 lượt
// hội viên cựu chiến binh. Duy trì hoạt động của 163 nhóm nhân dân tự quản … 15 chuyên đề, 10 mô hình".
TEST_P(ReportsTest, GoldenSonTayFiveYears) {
  ServerFixture s(GetParam(), pre_reform_units());
  Client api(s.port(), s.national_admin());
  auto commune = [&](std::size_t i) { return kSonTayCommunes[i % kSonTayCommunes.size()]; };
  const auto [from, to] = review_period();
  auto in_period = [&](int k) { return days_ago(10 + (k * 37) % 1700); };  // inside the five years

  // Reintegration: 30 people helped at home, 3,421 sessions; 21 progressed in the period (6 of them
  // then completed: still one person each); one progressed before the period.
  std::vector<std::string> people;
  for (int i = 0; i < 30; ++i) {
    people.push_back(api.id(api.post("/api/v1/reintegration/people", {{"unit", commune(i)},
                                                                      {"category", i % 3 ? "released_prisoner" : "post_rehab"},
                                                                      {"name", "Người thứ " + std::to_string(i)},
                                                                      {"start_date", days_ago(1790)}})));
  }
  const auto early = api.post("/api/v1/reintegration/people",
                              {{"unit", "09574"}, {"category", "other"}, {"name", "Người trước kỳ"}, {"start_date", days_ago(2000)}});
  api.patch("/api/v1/reintegration/people/" + api.id(early), {{"status", "progressing"}, {"status_since", days_ago(1900)}});
  api.post("/api/v1/reintegration/people/" + api.id(early) + "/sessions", {{"date", days_ago(1950)}, {"kind", "visit"}});  // before
  for (int k = 0; k < 3421; ++k) {
    api.post("/api/v1/reintegration/people/" + people[k % 30] + "/sessions",
             {{"date", days_ago(5 + (k * 13) % 1780)}, {"kind", k % 4 ? "education" : "visit"}});
  }
  for (int i = 0; i < 21; ++i) {
    api.patch("/api/v1/reintegration/people/" + people[i], {{"status", "progressing"}, {"status_since", days_ago(400 + i)}});
    if (i < 6) api.patch("/api/v1/reintegration/people/" + people[i], {{"status", "completed"}, {"status_since", days_ago(100 + i)}});
  }
  // 79 mediations in the period, one before it.
  for (int k = 0; k < 80; ++k) {
    api.post("/api/v1/mediations", {{"unit", commune(k)},
                                    {"received_on", k == 79 ? days_ago(1900) : in_period(k)},
                                    {"dispute_type", "neighbours"},
                                    {"parties", bj::array{bj::object{{"name", "Bên A"}}, bj::object{{"name", "Bên B"}}}},
                                    {"outcome", k % 3 ? "successful" : "unsuccessful"}});
  }
  // 423 tips given to the police; three of them solved 45 cases, 58 suspects, 5 wanted persons.
  std::vector<std::string> tips;
  for (int k = 0; k < 423; ++k) {
    tips.push_back(api.id(
        api.post("/api/v1/tips", {{"unit", commune(k)},
                                  {"category", "drugs"},
                                  {"channel", "in_person"},
                                  {"description", "Tin báo số " + std::to_string(k) + " về hoạt động mua bán ma túy trong khu dân cư"}})));
  }
  const int outcomes[3][3] = {{20, 25, 2}, {15, 20, 2}, {10, 13, 1}};
  for (int k = 0; k < 3; ++k) {
    api.patch("/api/v1/tips/" + tips[k], {{"status", "resolved"},
                                          {"outcome",
                                           {{"valid", true},
                                            {"cases_solved", outcomes[k][0]},
                                            {"suspects_arrested", outcomes[k][1]},
                                            {"wanted_caught", outcomes[k][2]},
                                            {"decision", "prosecute"}}}});
  }
  // The police and the Women's Union hand out 35,000 leaflets; trainings for 592 lượt women's-union
  // members and 638 lượt veterans.
  api.post("/api/v1/activities", {{"unit", "269"},
                                  {"type", "leaflet_distribution"},
                                  {"date", in_period(3)},
                                  {"title", "Phát tờ rơi về Luật Phòng, chống ma túy"},
                                  {"organizers", bj::array{"police", "women_union"}},
                                  {"topics", bj::array{"drugs", "domestic_violence"}},
                                  {"quantity", 20000}});
  api.post("/api/v1/activities", {{"unit", "09574"},
                                  {"type", "leaflet_distribution"},
                                  {"date", in_period(9)},
                                  {"title", "Phát tờ rơi phòng chống tội phạm"},
                                  {"organizers", bj::array{"police", "women_union"}},
                                  {"quantity", 15000}});
  api.post("/api/v1/activities", {{"unit", "269"},
                                  {"type", "training"},
                                  {"date", in_period(5)},
                                  {"title", "Tập huấn kiến thức phòng chống tội phạm"},
                                  {"organizers", bj::array{"police"}},
                                  {"audience", bj::array{"women_union"}},
                                  {"participants", 592}});
  api.post("/api/v1/activities", {{"unit", "269"},
                                  {"type", "training"},
                                  {"date", in_period(7)},
                                  {"title", "Tập huấn phòng chống tuần hành, biểu tình trái pháp luật"},
                                  {"organizers", bj::array{"police"}},
                                  {"audience", bj::array{"veterans_union"}},
                                  {"participants", 638}});
  api.post("/api/v1/activities", {{"unit", "269"},
                                  {"type", "leaflet_distribution"},
                                  {"date", days_ago(1900)},
                                  {"title", "Trước kỳ báo cáo"},
                                  {"organizers", bj::array{"police"}},
                                  {"quantity", 999}});
  // 163 self-managed groups active in the period (and one dissolved before it); 15 thematic
  // programs and 10 models.
  for (int k = 0; k < 164; ++k) {
    bj::object g{{"unit", commune(k)},
                 {"kind", "self_managed"},
                 {"name", "Nhóm nhân dân tự quản số " + std::to_string(k)},
                 {"started_on", days_ago(2100 - k)},
                 {"members_count", 10 + k % 7}};
    if (k == 163) g["dissolved_on"] = days_ago(1850);
    api.post("/api/v1/groups", g);
  }
  for (int k = 0; k < 25; ++k) {
    api.post("/api/v1/models", {{"unit", commune(k)},
                                {"name", (k < 15 ? "Chuyên đề " : "Mô hình ") + std::to_string(k)},
                                {"kind", k < 15 ? "thematic" : "model"},
                                {"field", k % 2 ? "security_order" : "self_management"},
                                {"started_on", in_period(k)}});
  }

  const std::string q = "unit=269&from=" + from + "&to=" + to;
  auto sum = api.get("/api/v1/reports/summary?" + q);
  ASSERT_EQ(sum.status, 200) << sum.body;
  const auto f = sum.json();
  EXPECT_EQ(f.at("unit").at("code"), "269");
  expect_son_tay_review(f);
  EXPECT_EQ(at(f, {"models", "fields"}), 2);
  EXPECT_EQ(at(f, {"models", "replicated_units"}), 8);
  // Every key is there, zero when nothing happened.
  EXPECT_EQ(at(f, {"hotspots", "designated"}), 0);
  EXPECT_EQ(at(f, {"activities", "festival", "by_audience", "border_guard", "participants"}), 0);
  EXPECT_EQ(at(f, {"awards", "certificate_of_merit", "collective"}), 0);

  // A commune of it is computed from its records, not from buckets: the same kind of figures.
  auto one = api.get("/api/v1/reports/summary?unit=09574&from=" + from + "&to=" + to).json();
  EXPECT_EQ(at(one, {"mediations", "total"}), 10);  // k ≡ 0 (mod 8) among 0…78
  // The children add up to the whole (every event of the district is in one of its communes here,
  // except the district's own activities).
  auto children = api.get("/api/v1/reports/breakdown?" + q + "&metric=reintegration.sessions&by=child");
  ASSERT_EQ(children.status, 200) << children.body;
  std::int64_t total = 0;
  const auto child_items = children.json();
  for (const auto& c : child_items.at("items").as_array()) total += c.at("value").as_int64();
  EXPECT_EQ(total, 3421);

  auto html = api.get("/api/v1/reports/summary?" + q + "&format=html");
  ASSERT_EQ(html.status, 200);
  for (const std::string s : {std::string("cảm hóa giáo dục tại nhà 3.421 lượt đối tượng"),
                              std::string("hòa giải 79 vụ"),
                              std::string("423 tin"),
                              std::string("khám phá 45 vụ án"),
                              std::string("bắt giữ 58 đối tượng"),
                              std::string("bắt 5 đối tượng truy nã"),
                              std::string("giúp đỡ 21 người tiến bộ"),
                              std::string("35.000 tờ rơi"),
                              std::string("592 lượt hội viên Hội Liên hiệp Phụ nữ"),
                              std::string("638 lượt hội viên Hội Cựu chiến binh"),
                              std::string("163 tổ, nhóm nhân dân tự quản"),
                              std::string("15 chuyên đề"),
                              std::string("10 mô hình"),
                              std::string("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                              std::string("Độc lập - Tự do - Hạnh phúc"),
                              std::string("UBND THỊ XÃ SƠN TÂY"),
                              std::string("BAN CHỈ ĐẠO 138 THỊ XÃ SƠN TÂY"),
                              std::string("trên địa bàn thị xã Sơn Tây"),
                              std::string("size: A4"),
                              std::string("Times New Roman"),
                              std::string("Nơi nhận")}) {
    EXPECT_NE(html.body.find(s), std::string::npos) << s;
  }
}

namespace {

// Random work on the registers of two communes in two provinces, through the API.
struct Randomiser {
  Client& api;
  std::mt19937 rng;
  std::vector<std::string> activities, groups, models, people, sessions, mediations, hotspots, tips;
  int n = 0;
  bool merged = false;  // Phường Sơn Tây no longer exists
  int pick(int k) { return std::uniform_int_distribution<int>(0, k - 1)(rng); }
  std::string unit() {
    const std::string u = std::vector<std::string>{"21220", "21220-001", "21220-002", "09574", "09574-001", "21211"}[pick(6)];
    return merged && u == "09574" ? "21211" : u;
  }
  std::string village() { return std::vector<std::string>{"21220-001", "21220-002", "21220-003", "09574-001", "09574-002"}[pick(5)]; }
  std::string day() { return days_ago(pick(900)); }
  static void keep(std::vector<std::string>& v, const std::string& id) {
    if (!id.empty()) v.push_back(id);
  }
  template <class T>
  std::string any(const std::vector<T>& v) {
    return v[pick(static_cast<int>(v.size()))];
  }
  void step() {
    ++n;
    const std::vector<std::string> forces{"police", "front", "women_union", "veterans_union"};
    switch (pick(12)) {
      case 0:
      case 1: {
        bj::array org{bj::value(forces[pick(4)])};
        if (pick(2)) org.push_back(bj::value(forces[pick(4)]));
        auto r = api.post("/api/v1/activities", {{"unit", unit()},
                                                 {"type", pick(2) ? "training" : "propaganda"},
                                                 {"date", day()},
                                                 {"title", "Hoạt động " + std::to_string(n)},
                                                 {"organizers", org},
                                                 {"audience", bj::array{bj::value(forces[pick(4)])}},
                                                 {"participants", pick(200)}});
        keep(activities, api.id(r));
        break;
      }
      case 2:
        if (!activities.empty()) {
          if (pick(3) == 0) {
            const auto id = any(activities);
            if (api.del("/api/v1/activities/" + id) == 204) activities.erase(std::find(activities.begin(), activities.end(), id));
          } else {
            api.patch(
                "/api/v1/activities/" + any(activities),
                {{"date", day()}, {"participants", pick(300)}, {"organizers", bj::array{bj::value(forces[pick(4)])}}, {"unit", unit()}});
          }
        }
        break;
      case 3: {
        bj::object g{{"unit", unit()},
                     {"kind", pick(2) ? "self_managed" : "patrol_team"},
                     {"name", "Nhóm " + std::to_string(n)},
                     {"started_on", day()},
                     {"members_count", pick(30)}};
        keep(groups, api.id(api.post("/api/v1/groups", g)));
        if (!groups.empty() && pick(2)) {
          auto cur = api.get("/api/v1/groups/" + any(groups)).json();
          const std::string started(cur.at("started_on").as_string());
          api.patch("/api/v1/groups/" + std::string(cur.at("id").as_string()), {{"dissolved_on", std::max(started, day())}});
        }
        break;
      }
      case 4: {
        const std::string started = day();
        keep(models, api.id(api.post("/api/v1/models", {{"unit", unit()},
                                                        {"name", "Mô hình " + std::to_string(n)},
                                                        {"kind", pick(2) ? "model" : "thematic"},
                                                        {"field", pick(2) ? "camera" : "self_management"},
                                                        {"started_on", started}})));
        const std::string m = models.back();
        api.post("/api/v1/models/" + m + "/replications", {{"unit", village()}, {"started_on", today()}}, -1);  // maybe its own unit: 400
        break;
      }
      case 5:
        if (!models.empty()) {
          auto cur = api.get("/api/v1/models/" + any(models)).json();
          const std::string started(cur.at("started_on").as_string());
          api.patch("/api/v1/models/" + std::string(cur.at("id").as_string()), {{"ended_on", std::max(started, day())}});
        }
        break;
      case 6: {
        keep(people,
             api.id(api.post(
                 "/api/v1/reintegration/people",
                 {{"unit", village()}, {"category", "other"}, {"name", "Người " + std::to_string(n)}, {"start_date", days_ago(950)}})));
        break;
      }
      case 7:
        if (!people.empty()) {
          const auto p = any(people);
          if (pick(2)) {
            auto r = api.post("/api/v1/reintegration/people/" + p + "/sessions", {{"date", day()}, {"kind", "visit"}});
            if (r.is_object()) sessions.push_back(p + "/sessions/" + std::string(r.at("items").at(0).at("id").as_string()));
          } else {
            const char* st[] = {"progressing", "completed", "reoffended", "active", "moved"};
            api.patch("/api/v1/reintegration/people/" + p, {{"status", st[pick(5)]}, {"status_since", day()}});
          }
        }
        break;
      case 8:
        if (!sessions.empty()) {
          const auto s = any(sessions);
          if (api.del("/api/v1/reintegration/people/" + s) == 204) sessions.erase(std::find(sessions.begin(), sessions.end(), s));
        }
        break;
      case 9:
        keep(mediations, api.id(api.post("/api/v1/mediations", {{"unit", village()},
                                                                {"received_on", day()},
                                                                {"dispute_type", "land"},
                                                                {"parties", bj::array{bj::object{{"name", "A"}}}},
                                                                {"outcome", pick(2) ? "successful" : "pending"}})));
        if (pick(3) == 0) api.patch("/api/v1/mediations/" + any(mediations), {{"outcome", "unsuccessful"}, {"received_on", day()}});
        break;
      case 10:
        keep(tips, api.id(api.post("/api/v1/tips", {{"unit", village()},
                                                    {"category", "drugs"},
                                                    {"channel", "phone"},
                                                    {"description", "Tin báo ngẫu nhiên số " + std::to_string(n) + " về ma túy"}})));
        if (pick(2)) {
          api.patch("/api/v1/tips/" + any(tips), {{"status", "resolved"}, {"outcome", {{"valid", true}, {"cases_solved", pick(3)}}}});
        }
        break;
      default: {
        const std::string d = day();
        keep(hotspots, api.id(api.post("/api/v1/hotspots", {{"unit", village()},
                                                            {"name", "Địa bàn " + std::to_string(n)},
                                                            {"problem_types", bj::array{"drugs"}},
                                                            {"designated_on", d}})));
        if (pick(2)) api.patch("/api/v1/hotspots/" + hotspots.back(), {{"status", "transformed"}, {"transformed_on", std::max(d, day())}});
        api.post("/api/v1/programs", {{"unit", unit()},
                                      {"number", std::to_string(n) + "/CTr"},
                                      {"title", "Chương trình " + std::to_string(n)},
                                      {"signed_on", d},
                                      {"period_to", today()}});
        api.post("/api/v1/awards", {{"unit", unit()},
                                    {"form", "commendation"},
                                    {"issuer", "UBND"},
                                    {"recipient_kind", "individual"},
                                    {"recipient_name", "Cá nhân " + std::to_string(n)},
                                    {"date", d}});
        api.post("/api/v1/pledges", {{"unit", village()},
                                     {"pledger_kind", "household"},
                                     {"pledger", "Hộ " + std::to_string(n)},
                                     {"content", "Cam kết"},
                                     {"year", std::stoi(d.substr(0, 4))}});
      }
    }
  }
};

}  // namespace

TEST_P(ReportsTest, MaintainedRollupEqualsARebuildAfterRandomChangesAndAMerge) {
  ServerFixture s(GetParam(), ServerOptionsForTest{});
  Client api(s.port(), s.national_admin());
  const unsigned seed = static_cast<unsigned>(std::random_device{}());
  SCOPED_TRACE("seed " + std::to_string(seed));
  Randomiser r{api, std::mt19937(seed)};
  reports::Rollups mine(s.database().db());
  auto check = [&](const char* when) {
    SCOPED_TRACE(when);
    mine.fold();
    const auto maintained = s.database().db().read_value([&](db::Connection& c) { return mine.dump(c); });
    mine.rebuild();
    const auto rebuilt = s.database().db().read_value([&](db::Connection& c) { return mine.dump(c); });
    EXPECT_EQ(maintained.size(), rebuilt.size());
    for (const auto& [k, v] : rebuilt) {
      auto it = maintained.find(k);
      if (it == maintained.end()) {
        ADD_FAILURE() << "missing bucket " << k;
        continue;
      }
      EXPECT_EQ(it->second, v) << "bucket " << k;
    }
    // A province from its buckets equals the same province computed from its records: compare a
    // commune (records) with its province in a period where only that commune has records.
    for (int k = 0; k < 3; ++k) {
      const std::string from = days_ago(r.pick(900)), to = std::max(from, days_ago(r.pick(900)));
      auto national = api.get("/api/v1/reports/summary?from=" + from + "&to=" + to).json();
      auto sum_of = [&](const std::string& unit) {
        return api.get("/api/v1/reports/summary?unit=" + unit + "&from=" + from + "&to=" + to).json();
      };
      auto p51 = sum_of("51"), p01 = sum_of("01");
      for (const char* metric : {"sessions", "people", "progressed", "reoffended"}) {
        EXPECT_EQ(at(national, {"reintegration", metric}), at(p51, {"reintegration", metric}) + at(p01, {"reintegration", metric}))
            << metric;
      }
      EXPECT_EQ(at(national, {"tips", "received"}), at(p51, {"tips", "received"}) + at(p01, {"tips", "received"}));
      EXPECT_EQ(at(national, {"models", "replicated_units"}),
                at(p51, {"models", "replicated_units"}) + at(p01, {"models", "replicated_units"}));
      // Quảng Ngãi's communes computed from their records add up to the province's buckets.
      std::int64_t groups = 0, sessions = 0, units = 0;
      for (const char* c : {"21220", "21211", "21172"}) {
        auto x = sum_of(c);
        groups += at(x, {"groups", "self_managed", "count"});
        sessions += at(x, {"reintegration", "sessions"});
        units += at(x, {"models", "replicated_units"});
      }
      EXPECT_EQ(groups, at(p51, {"groups", "self_managed", "count"}));
      EXPECT_EQ(sessions, at(p51, {"reintegration", "sessions"}));
      EXPECT_EQ(units, at(p51, {"models", "replicated_units"}));
    }
  };
  for (int i = 0; i < 120; ++i) r.step();
  check("after random changes");
  // Phường Sơn Tây (Hà Nội) merges into Xã Sơn Tịnh (Quảng Ngãi): its records now roll up there.
  const auto before = api.get("/api/v1/reports/summary?unit=01&from=2000-01-01&to=" + today()).json();
  s.database().db().write([&](db::Connection& c) {
    auto from = units::repo::find_active(c, "09574");
    auto into = units::repo::find_active(c, "21220");
    units::repo::retire(c, from->id, into->id, today());
    units::repo::rebuild_paths(c);
  });
  r.merged = true;
  check("after a merge");
  const auto after = api.get("/api/v1/reports/summary?unit=01&from=2000-01-01&to=" + today()).json();
  EXPECT_EQ(at(after, {"mediations", "total"}), 0)
      << "Hà Nội kept nothing of Sơn Tây (before: " << at(before, {"mediations", "total"}) << ")";
  for (int i = 0; i < 60; ++i) r.step();
  check("after more changes");
}

TEST_P(ReportsTest, IssuedReportsStayAsIssuedAndEverythingIsScoped) {
  ServerFixture s(GetParam(), ServerOptionsForTest{});
  Client admin(s.port(), s.national_admin());
  const auto officer = s.add_user("ca.sontinh", "police_officer", "21220");
  Client api(s.port(), officer);
  api.post("/api/v1/mediations",
           {{"unit", "21220-001"},
            {"received_on", days_ago(3)},
            {"dispute_type", "land"},
            {"parties", bj::array{bj::object{{"name", "A"}}}},
            {"outcome", "successful"}},
           403);
  admin.post("/api/v1/mediations", {{"unit", "21220-001"},
                                    {"received_on", days_ago(3)},
                                    {"dispute_type", "land"},
                                    {"parties", bj::array{bj::object{{"name", "A"}}}},
                                    {"outcome", "successful"}});
  const std::string period = "from=" + days_ago(30) + "&to=" + today();
  // Issuing is the steering committee's act (reports.issue), not every reader's.
  api.post("/api/v1/reports", {{"unit", "21220"}, {"from", days_ago(30)}, {"to", today()}}, 403);
  Client steering(s.port(), s.add_user("bcd.sontinh", "steering", "21220"));
  auto issued =
      steering.post("/api/v1/reports",
                    {{"unit", "21220"}, {"from", days_ago(30)}, {"to", today()}, {"compare", "previous_year"}, {"signer", "Nguyễn Văn A"}});
  ASSERT_TRUE(issued.is_object());
  EXPECT_EQ(issued.at("number"), "1/BC-BCĐ");
  EXPECT_EQ(at(issued, {"figures", "mediations", "total"}), 1);
  EXPECT_EQ(at(issued, {"figures", "change", "mediations", "total"}), 1);
  const std::string id = api.id(issued);
  // Later records change the live figures, not the issued report.
  admin.post("/api/v1/mediations", {{"unit", "21220-001"},
                                    {"received_on", days_ago(2)},
                                    {"dispute_type", "land"},
                                    {"parties", bj::array{bj::object{{"name", "B"}}}},
                                    {"outcome", "pending"}});
  EXPECT_EQ(at(api.get("/api/v1/reports/summary?unit=21220&" + period).json(), {"mediations", "total"}), 2);
  auto again = api.get("/api/v1/reports/" + id);
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(at(again.json(), {"figures", "mediations", "total"}), 1);
  auto doc = api.get("/api/v1/reports/" + id + "?format=html");
  EXPECT_NE(doc.body.find("Số: 1/BC-BCĐ"), std::string::npos);
  EXPECT_NE(doc.body.find("Nguyễn Văn A"), std::string::npos);
  auto xlsx = api.get("/api/v1/reports/" + id + "?format=xlsx");
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  auto csv = api.get("/api/v1/reports/summary?unit=21220&" + period + "&format=csv");
  EXPECT_NE(csv.body.find("\"Hòa giải ở cơ sở\",\"Tổng số vụ\",\"Số vụ\",2"), std::string::npos) << csv.body.substr(0, 400);
  EXPECT_EQ(api.get("/api/v1/reports").json().at("items").as_array().size(), 1u);

  // Time series: windows from the 15th to the 14th.
  auto ts = api.get("/api/v1/reports/timeseries?unit=21220&from=2025-01-15&to=2025-04-14&metric=mediations.total&interval=month");
  ASSERT_EQ(ts.status, 200) << ts.body;
  const auto points = ts.json().at("points").as_array();
  ASSERT_EQ(points.size(), 3u);
  EXPECT_EQ(points[0].at("from"), "2025-01-15");
  EXPECT_EQ(points[0].at("to"), "2025-02-14");
  EXPECT_EQ(points[2].at("to"), "2025-04-14");

  // Scope: another area, another role, bad input.
  const auto outsider = s.add_user("ca.sontay", "police_officer", "09574");
  Client other(s.port(), outsider);
  EXPECT_EQ(other.get("/api/v1/reports/summary?unit=21220&" + period).status, 404);
  EXPECT_EQ(other.get("/api/v1/reports/" + id).status, 404);
  EXPECT_EQ(other.get("/api/v1/reports").json().at("items").as_array().size(), 0u);
  EXPECT_EQ(at(other.get("/api/v1/reports/summary?" + period).json(), {"mediations", "total"}), 0) << "their own area by default";
  const auto village = s.add_user("thon.truongtho", "village_officer", "21220-001");
  EXPECT_EQ(Client(s.port(), village).get("/api/v1/reports/summary?unit=21220-001&" + period).status, 403);
  for (const std::string& bad : std::vector<std::string>{
           "/api/v1/reports/summary?unit=21220&from=2025-01-01", "/api/v1/reports/summary?unit=21220&from=2025-13-01&to=2025-12-31",
           "/api/v1/reports/summary?unit=21220&from=2025-06-01&to=2025-01-01",
           "/api/v1/reports/summary?unit=21220&" + period + "&format=pdf",
           "/api/v1/reports/summary?unit=21220&" + period + "&compare=last_week",
           "/api/v1/reports/timeseries?unit=21220&" + period + "&metric=passwords.count",
           "/api/v1/reports/timeseries?unit=21220&" + period + "&metric=tips.received&interval=week",
           "/api/v1/reports/breakdown?unit=21220&" + period + "&metric=tips.received&by=organizer",
           "/api/v1/reports/breakdown?unit=21220&" + period + "&metric=tips.received&by=colour"}) {
    EXPECT_EQ(api.get(bad).status, 400) << bad;
  }
  EXPECT_EQ(api.get("/api/v1/reports/summary?unit=99999&" + period).status, 404);
  EXPECT_EQ(api.get("/api/v1/reports/abc").status, 404);
  steering.post("/api/v1/reports", {{"unit", "21220"}, {"from", "2025-01-01"}}, 400);
  steering.post("/api/v1/reports", {{"unit", "09574"}, {"from", "2025-01-01"}, {"to", "2025-02-01"}}, 404);
}

INSTANTIATE_TEST_SUITE_P(Engines, ReportsTest, ::testing::ValuesIn(antq::test::engines()));
