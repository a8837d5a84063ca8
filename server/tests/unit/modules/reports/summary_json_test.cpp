// The typed summary and its JSON (docs/api/reports.md): written key for key in the API's order,
// read back the same, and an issued report stored before some figures existed reads them as 0.
#include "modules/reports/summary.hpp"

#include <gtest/gtest.h>

using namespace antq::reports;
namespace bj = boost::json;

namespace {

Summary sample() {
  Summary s;
  s.unit = SummaryUnit{"00001", "Sơn Tây", "Thị xã Sơn Tây", "district"};
  s.from = "2025-01-15";
  s.to = "2025-12-14";
  ActivityFigures training;
  training.total = {3, 120, 0};
  training.by_organizer = {{"police", {2, 80, 0}}, {"women_union", {1, 40, 0}}};
  training.by_audience = {{"women_union", {1, 40, 0}}};
  training.by_topic = {{"fire", {3, 120, 0}}};
  training.with_audience = {1, 40, 0};
  s.activities = {{"training", training}, {"propaganda", ActivityFigures{}}};
  s.tips = {7, 3, 1, 2, 0, 1};
  s.mediations = {5, 3, 1, 1};
  s.reintegration = {4, 12, 2, 0};
  GroupFigures channel;
  channel.total = {2, 300};
  channel.by_platform = {{"zalo", {1, 214}}, {"facebook", {0, 0}}};
  s.groups = {{"channel", channel}};
  s.patrols = {10, 40, 1};
  s.models.count = 2;
  s.models.fields = 1;
  s.models.replicated_units = 3;
  s.models.model = 1;
  s.models.thematic = 1;
  s.models.by_field = {{"school", 2}};
  s.hotspots = {1, 0};
  s.evaluations = {6, 5};
  s.programs_active = 2;
  s.pledges = 9;
  s.awards = {{"certificate", {1, 2}}};
  s.news = {36, 12, 5400, 9000};
  return s;
}

std::vector<std::string> keys(const bj::object& o) {
  std::vector<std::string> out;
  for (const auto& kv : o) out.emplace_back(kv.key());
  return out;
}

}  // namespace

TEST(SummaryJsonTest, WritesTheKeysOfTheApiInItsOrder) {
  const bj::object o = to_json(sample());
  EXPECT_EQ(keys(o),
            (std::vector<std::string>{"unit", "from", "to", "activities", "opinions", "tips", "mediations", "reintegration", "groups",
                                      "patrols", "models", "hotspots", "evaluations", "programs", "pledges", "awards", "news"}));
  const auto& training = o.at("activities").at("training").as_object();
  EXPECT_EQ(keys(training),
            (std::vector<std::string>{"count", "participants", "quantity", "by_organizer", "by_audience", "by_topic", "with_audience"}));
  EXPECT_EQ(keys(training.at("by_audience").at("women_union").as_object()), (std::vector<std::string>{"count", "participants"}));
  EXPECT_EQ(keys(o.at("activities").as_object()), (std::vector<std::string>{"training", "propaganda"}));
  EXPECT_EQ(o.at("models").at("by_kind").at("thematic").as_int64(), 1);
  EXPECT_EQ(o.at("pledges").at("count").as_int64(), 9);
  EXPECT_EQ(o.at("groups").at("channel").at("by_platform").at("zalo").at("members").as_int64(), 214);
}

TEST(SummaryJsonTest, ReadsBackWhatItWrote) {
  const bj::object once = to_json(sample());
  const bj::object twice = to_json(summary_from_json(bj::parse(bj::serialize(once)).as_object()));
  EXPECT_EQ(bj::serialize(twice), bj::serialize(once));
}

TEST(SummaryJsonTest, AnOlderStoredReportReadsMissingFiguresAsZero) {
  // Issued before the narrative's figures existed: no by_topic, no with_audience, no by_platform.
  const auto stored = bj::parse(R"({"unit": null, "from": "2024-01-15", "to": "2024-12-14",
    "activities": {"training": {"count": 2, "participants": 50, "quantity": 0, "by_organizer": {"police": {"count": 2, "participants": 50, "quantity": 0}}}},
    "tips": {"received": 4}, "groups": {"self_managed": {"count": 1, "members": 12}, "broken": 3},
    "previous": {"from": "2023-01-15", "to": "2023-12-14", "tips": {"received": 1}},
    "children": {"metrics": ["tips.received"], "items": [{"code": "1", "full_name": "Xã A", "values": [3, "x"]}], "total": [4]}})")
                          .as_object();
  const ReportFigures f = report_figures_from_json(stored);
  EXPECT_FALSE(f.summary.unit);
  ASSERT_EQ(f.summary.activities.size(), 1u);
  EXPECT_EQ(f.summary.activities[0].second.total.participants, 50);
  EXPECT_TRUE(f.summary.activities[0].second.by_topic.empty());
  EXPECT_EQ(f.summary.activities[0].second.with_audience.participants, 0);
  EXPECT_EQ(f.summary.tips.received, 4);
  EXPECT_EQ(f.summary.tips.valid, 0);
  ASSERT_EQ(f.summary.groups.size(), 1u);  // "broken" is not an object: skipped
  EXPECT_EQ(f.summary.groups[0].second.total.members, 12);
  ASSERT_TRUE(f.previous);
  EXPECT_EQ(f.previous->tips.received, 1);
  ASSERT_TRUE(f.children);
  ASSERT_EQ(f.children->items.size(), 1u);
  EXPECT_EQ(f.children->items[0].full_name, "Xã A");
  EXPECT_EQ(f.children->items[0].values, (std::vector<std::int64_t>{3, 0}));
  EXPECT_EQ(f.children->total, (std::vector<std::int64_t>{4}));
}
