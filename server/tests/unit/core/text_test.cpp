#include "core/text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

using namespace antq::text;

TEST(TextFold, RemovesDiacriticsAndCase) {
  EXPECT_EQ(fold("Xã Sơn Tịnh"), "xa son tinh");
  EXPECT_EQ(fold("ĐÀ NẴNG"), "da nang");
  EXPECT_EQ(fold("  Thôn   Cổ Lũy "), "thon co luy");
  EXPECT_EQ(fold("Quảng Ngãi"), fold("quang ngai"));
}

TEST(TextFold, DecomposedInputFoldsLikeComposed) {
  // "Sơn" typed on a phone that sends combining marks (o + U+031B horn).
  EXPECT_EQ(fold("So\xCC\x9Bn"), "son");
}

TEST(TextSortKey, VietnameseAlphabeticalOrder) {
  // Vietnamese order: a ă â b c d đ e ê … o ô ơ … u ư.
  std::vector<std::string> names = {"Đông", "Dương", "Ân", "An", "Ăn", "Ơn", "Ôn", "On", "Bình"};
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) { return sort_key(a) < sort_key(b); });
  const std::vector<std::string> expected = {"An", "Ăn", "Ân", "Bình", "Dương", "Đông", "On", "Ôn", "Ơn"};
  EXPECT_EQ(names, expected);
}

TEST(TextUtf8, RejectsMalformed) {
  EXPECT_TRUE(valid_utf8("Sơn Tịnh"));
  EXPECT_FALSE(valid_utf8("\xC3\x28"));
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));      // overlong '/'
}

TEST(TextTrim, TrimsUnicodeWhitespace) {
  EXPECT_EQ(trim("\xC2\xA0 Thôn 1 \t"), "Thôn 1");
  EXPECT_EQ(length("Sơn"), 3u);
}

TEST(Text, NumbersAreGroupedTheVietnameseWay) {
  EXPECT_EQ(antq::text::group_thousands(0), "0");
  EXPECT_EQ(antq::text::group_thousands(999), "999");
  EXPECT_EQ(antq::text::group_thousands(3421), "3.421");
  EXPECT_EQ(antq::text::group_thousands(35000), "35.000");
  EXPECT_EQ(antq::text::group_thousands(10000000), "10.000.000");
  EXPECT_EQ(antq::text::group_thousands(-1200), "-1.200");
}
