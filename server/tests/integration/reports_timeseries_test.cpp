// The time series of the reports dashboard (GET /api/v1/reports/timeseries), on each engine: over
// synthetic years of records, each point equals the summary of its own window — for the country,
// a province (both read from the rollup's buckets, window after window) and a commune (from its
// records) — whatever the windows: months from the 1st, the 15th or the 25th, quarters, years,
// across the turn of a year.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>
#include <vector>

#include "core/time.hpp"
#include "integration/server_fixture.hpp"
#include "modules/reports/synthetic.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

using namespace antq;
using namespace antq::test;
namespace bj = boost::json;

class ReportsTimeseriesTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ReportsTimeseriesTest, EachPointIsTheSummaryOfItsWindow) {
  ServerFixture s(GetParam(), ServerOptionsForTest{});
  auto scale = reports::synthetic_scale("tiny");
  scale.years = 3;
  reports::seed_synthetic(s.database().db(), scale, 7);
  const auto token = s.national_admin();
  const auto get = [&](const std::string& target) {
    auto r = request(s.port(), "GET", target, "", bearer(token));
    EXPECT_EQ(r.status, 200) << target << " → " << r.body;
    return r.status == 200 ? r.json() : bj::value(bj::object{});
  };
  const auto leaf = [](const bj::value& v, const std::string& path) {
    // "activities.*.count": every activity type's count, added up
    if (path == "activities.*.count") {
      std::int64_t n = 0;
      for (const auto& [type, figures] : v.at("activities").as_object()) n += figures.at("count").to_number<std::int64_t>();
      return n;
    }
    const bj::value* at = &v;
    std::size_t i = 0;
    while (i <= path.size()) {
      const auto j = std::min(path.find('.', i), path.size());
      at = &at->as_object().at(path.substr(i, j - i));
      i = j + 1;
    }
    return at->to_number<std::int64_t>();
  };

  const std::string today = timeutil::today_vietnam();
  const std::string year = today.substr(0, 4);
  const std::string two_years_ago = std::to_string(std::stoi(year) - 2);
  struct Series {
    std::string from, to, interval;
  };
  const std::vector<Series> series{
      {two_years_ago + "-01-01", today, "month"},
      {two_years_ago + "-03-15", timeutil::add_days(today, -3), "month"},  // 15th to 14th, across two new years
      // 25th to 24th: each window's sum is read back from its month's end, minus the days after it
      {two_years_ago + "-01-25", timeutil::add_days(today, -1), "month"},
      {two_years_ago + "-02-20", today, "quarter"},
      {two_years_ago + "-02-01", today, "quarter"},
      {two_years_ago + "-01-01", year + "-12-31", "year"},
      {two_years_ago + "-07-10", today, "year"},
  };
  // summary path → the time series' metric of the same figure
  const std::vector<std::pair<std::string, std::string>> figures{
      {"tips.received", "tips.received"},
      {"mediations.total", "mediations.total"},
      {"reintegration.sessions", "reintegration.sessions"},
      {"activities.*.count", "activities.count"},  // read from the metric "activities_all.count"
      // the figures that read more than one metric each (FigureSource::reads): every field's
      // start and end, a period's start and end, distinct people less their repeats
      {"models.fields", "models.fields"},
      {"models.replicated_units", "models.replicated_units"},
      {"programs.active", "programs.active"},
      {"reintegration.progressed", "reintegration.progressed"}};
  int points_checked = 0, nonzero = 0;
  for (const std::string area : {"", "unit=51&", "unit=21220&"}) {
    for (const auto& [from, to, interval] : series) {
      std::vector<bj::value> ts;
      for (const auto& [summary_path, metric] : figures)
        ts.push_back(
            get("/api/v1/reports/timeseries?" + area + "from=" + from + "&to=" + to + "&metric=" + metric + "&interval=" + interval));
      const auto& windows = ts.front().at("points").as_array();
      ASSERT_FALSE(windows.empty());
      EXPECT_EQ(windows.front().at("from").as_string(), from);
      EXPECT_EQ(windows.back().at("to").as_string(), to);
      for (std::size_t k = 0; k < windows.size(); ++k) {
        const std::string pf(windows[k].at("from").as_string()), pt(windows[k].at("to").as_string());
        const auto summary = get("/api/v1/reports/summary?" + area + "from=" + pf + "&to=" + pt);
        for (std::size_t f = 0; f < figures.size(); ++f) {
          const auto& point = ts[f].at("points").as_array().at(k);
          ASSERT_EQ(point.at("from"), windows[k].at("from"));
          const auto want = leaf(summary, figures[f].first);
          EXPECT_EQ(point.at("value").to_number<std::int64_t>(), want)
              << area << figures[f].second << " " << pf << " – " << pt << " (" << interval << ")";
          ++points_checked;
          nonzero += want > 0;
        }
      }
    }
  }
  // the windows held records: a series of zeros would prove nothing
  EXPECT_GT(points_checked, 200);
  EXPECT_GT(nonzero, points_checked / 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, ReportsTimeseriesTest, ::testing::ValuesIn(antq::test::engines()));
