#include "modules/tips/tip_codes.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace antq::tips;

TEST(TipCodes, UseOnlyUnambiguousSymbols) {
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) {
    const auto code = new_tracking_code();
    ASSERT_EQ(code.size(), 9u);
    EXPECT_EQ(code[4], '-');
    for (char c : code) EXPECT_EQ(std::string("01OI").find(c), std::string::npos) << code;
    seen.insert(code);
  }
  EXPECT_EQ(seen.size(), 2000u);  // 40 bits: collisions among 2,000 are vanishingly rare
  const auto secret = new_secret();
  EXPECT_EQ(secret.size(), 23u);  // 20 symbols × 5 bits = 100 bits, in groups of five
}

TEST(TipCodes, NormaliseWhatPeopleType) {
  EXPECT_EQ(normalize_tracking_code("7kqm x4tb"), "7KQM-X4TB");
  EXPECT_EQ(normalize_tracking_code("7KQMX4TB"), "7KQM-X4TB");
  EXPECT_FALSE(normalize_tracking_code("7KQM-X4T"));    // too short
  EXPECT_FALSE(normalize_tracking_code("7KQM-X4TBB"));  // too long
  EXPECT_FALSE(normalize_tracking_code("0KQM-X4TB"));   // 0 is never issued
  EXPECT_FALSE(normalize_tracking_code("7KQM/X4TB"));
  EXPECT_EQ(normalize_secret("abcde fghjk-mnpqr stuvw"), "ABCDE-FGHJK-MNPQR-STUVW");
}
