// The rules of TT 124/2021 that decide an evaluation: target kinds, windows, and the result.
#include <gtest/gtest.h>

#include "modules/evaluations/evaluation_rules.hpp"

using namespace antq::evaluations;

namespace {

const std::vector<Criterion> kResidential{{"c1", "Quý I"}, {"c2", "Chính sách"}, {"c3", "Không xảy ra"}};
const std::vector<Criterion> kCommune{{"c1", "Quý I"}, {"c2", "Điều 4"}, {"c3", "Công an xã"}, {"c4", "70%", true, "subunits"}};
const Registration kFullHouseholds{"2026-02-15", 120, 120};

std::map<std::string, Answer> met(std::initializer_list<std::pair<const char*, std::optional<bool>>> xs) {
  std::map<std::string, Answer> out;
  for (const auto& [code, m] : xs) out[code] = Answer{m, ""};
  return out;
}

}  // namespace

TEST(EvaluationRules, TargetKindsFollowTheCircular) {
  EXPECT_EQ(target_kind("village", "Thôn"), "residential_area");
  EXPECT_EQ(target_kind("commune", "Phường"), "commune");
  EXPECT_EQ(target_kind("establishment", "school"), "school");
  EXPECT_EQ(target_kind("establishment", "enterprise"), "enterprise");
  EXPECT_EQ(target_kind("establishment", "industrial_park"), "enterprise");
  EXPECT_EQ(target_kind("establishment", "agency"), "agency");
  EXPECT_EQ(target_kind("establishment", "hospital"), "agency");
  EXPECT_FALSE(target_kind("province", ""));
  EXPECT_FALSE(target_kind("district", ""));
}

TEST(EvaluationRules, WindowsOfArticle8) {
  EXPECT_EQ(window("residential_area", 2026).from, "2025-11-01");
  EXPECT_EQ(window("residential_area", 2026).to, "2026-10-31");
  for (const char* k : {"commune", "agency", "enterprise", "school"}) {
    EXPECT_EQ(window(k, 2026).from, "2025-11-16") << k;
    EXPECT_EQ(window(k, 2026).to, "2026-11-15") << k;
  }
}

TEST(EvaluationRules, PassedOnlyWhenEveryCriterionIsMetAndTheHouseholdsAllRegistered) {
  auto o = decide("residential_area", kResidential, met({{"c1", true}, {"c2", true}}), kFullHouseholds, {});
  EXPECT_EQ(o.answered, 2);
  EXPECT_EQ(o.total, 3);
  EXPECT_FALSE(o.result) << "no result while a criterion is unanswered";
  o = decide("residential_area", kResidential, met({{"c1", true}, {"c2", true}, {"c3", std::nullopt}}), kFullHouseholds, {});
  EXPECT_FALSE(o.result) << "null is unanswered";
  o = decide("residential_area", kResidential, met({{"c1", true}, {"c2", true}, {"c3", true}}), kFullHouseholds, {});
  EXPECT_EQ(o.result, "passed");
  o = decide("residential_area", kResidential, met({{"c1", true}, {"c2", false}, {"c3", true}}), kFullHouseholds, {});
  EXPECT_EQ(o.result, "not_passed");
  // 119 of 120 households is not 100%.
  o = decide("residential_area", kResidential, met({{"c1", true}, {"c2", true}, {"c3", true}}), Registration{"2026-02-15", 120, 119}, {});
  EXPECT_EQ(o.result, "not_passed");
  ASSERT_EQ(o.rules.size(), 2u);
  EXPECT_EQ(o.rules[1].code, "households");
  EXPECT_FALSE(o.rules[1].met);
  EXPECT_EQ(o.rules[1].detail, "119/120 hộ");
  // Not registered at all.
  o = decide("residential_area", kResidential, met({{"c1", true}, {"c2", true}, {"c3", true}}), std::nullopt, {});
  EXPECT_EQ(o.result, "not_passed");
  EXPECT_FALSE(o.rules[0].met);
  // An agency needs its registration, not households.
  o = decide("agency", kResidential, met({{"c1", true}, {"c2", true}, {"c3", true}}), Registration{"2026-02-01", {}, {}}, {});
  EXPECT_EQ(o.result, "passed");
  EXPECT_EQ(o.rules.size(), 1u);
}

TEST(EvaluationRules, ACommuneNeedsAllItsUnitsRegisteredAndSeventyPercentRecognised) {
  const auto all = met({{"c1", true}, {"c2", true}, {"c3", true}});
  const Registration reg{"2026-01-20", {}, {}};
  // 10 units, all registered, 7 recognised: exactly 70% passes.
  auto o = decide("commune", kCommune, all, reg, Subunits{10, 10, 7});
  EXPECT_EQ(o.total, 3) << "criterion 4 is computed, not entered";
  EXPECT_EQ(o.auto_met.at("c4"), true);
  EXPECT_EQ(o.result, "passed");
  // 6 of 10 recognised.
  o = decide("commune", kCommune, all, reg, Subunits{10, 10, 6});
  EXPECT_EQ(o.result, "not_passed");
  EXPECT_EQ(o.auto_met.at("c4"), false);
  EXPECT_EQ(o.rules.back().detail, "6/10 (60%)");
  // 9 of 10 registered, even with all of those recognised.
  o = decide("commune", kCommune, all, reg, Subunits{10, 9, 9});
  EXPECT_EQ(o.result, "not_passed");
  // 3 units: 2 recognised is 66% (< 70%); 3 is 100%.
  EXPECT_EQ(decide("commune", kCommune, all, reg, Subunits{3, 3, 2}).result, "not_passed");
  EXPECT_EQ(decide("commune", kCommune, all, reg, Subunits{3, 3, 3}).result, "passed");
  // A commune with no unit registered in the system cannot show the 70%.
  EXPECT_EQ(decide("commune", kCommune, all, reg, Subunits{0, 0, 0}).result, "not_passed");
}
