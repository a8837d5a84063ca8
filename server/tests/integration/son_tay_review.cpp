#include "integration/son_tay_review.hpp"

#include <gtest/gtest.h>

#include "core/time.hpp"

namespace antq::test {

ReviewPeriod review_period() {
  const std::string to = timeutil::today_vietnam();
  return {timeutil::add_days(std::to_string(std::stoi(to.substr(0, 4)) - 5) + to.substr(4), 1), to};
}

std::int64_t at(const boost::json::value& v, std::initializer_list<const char*> path) {
  const boost::json::value* x = &v;
  for (const char* k : path) x = &x->at(k);
  return x->as_int64();
}

void expect_son_tay_review(const boost::json::value& f) {
  EXPECT_EQ(at(f, {"reintegration", "sessions"}), 3421);
  EXPECT_EQ(at(f, {"mediations", "total"}), 79);
  EXPECT_EQ(at(f, {"tips", "received"}), 423);
  EXPECT_EQ(at(f, {"tips", "cases_solved"}), 45);
  EXPECT_EQ(at(f, {"tips", "suspects_arrested"}), 58);
  EXPECT_EQ(at(f, {"tips", "wanted_caught"}), 5);
  EXPECT_EQ(at(f, {"reintegration", "progressed"}), 21);
  EXPECT_EQ(at(f, {"activities", "leaflet_distribution", "quantity"}), 35000);
  EXPECT_EQ(at(f, {"activities", "leaflet_distribution", "by_organizer", "women_union", "quantity"}), 35000);
  EXPECT_EQ(at(f, {"activities", "training", "by_audience", "women_union", "participants"}), 592);
  EXPECT_EQ(at(f, {"activities", "training", "by_audience", "veterans_union", "participants"}), 638);
  EXPECT_EQ(at(f, {"groups", "self_managed", "count"}), 163);
  EXPECT_EQ(at(f, {"models", "by_kind", "thematic"}), 15);
  EXPECT_EQ(at(f, {"models", "by_kind", "model"}), 10);
}

}  // namespace antq::test
