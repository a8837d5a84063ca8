#include "core/text.hpp"

#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <vector>

#include "support/test_database.hpp"

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

// fold() once ran the transliterator below; it now calls the normalisers itself. Every name of the
// 3-tier unit list (about 10,000 communes, with their districts and provinces), and lines mixing
// marks, capitals and other scripts, fold as the transliterator folded them.
TEST(TextFold, FoldsEveryUnitNameAsTheTransliteratorDid) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> tr(
      icu::Transliterator::createInstance("NFD; [:Nonspacing Mark:] Remove; NFC; Lower", UTRANS_FORWARD, status));
  ASSERT_TRUE(U_SUCCESS(status));
  const auto old_fold = [&](const std::string& s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x0111)), icu::UnicodeString(static_cast<UChar>('d')));
    u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x0110)), icu::UnicodeString(static_cast<UChar>('d')));
    tr->transliterate(u);
    std::string raw;
    u.toUTF8String(raw);
    std::string out;
    for (char ch : raw) {
      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
      } else {
        out.push_back(ch);
      }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  std::vector<std::string> lines = {"ĐẮK LẮK  Đồng Tháp", "Ưu TIÊN ƯỚC",     "Å Ω Σίσυφος İstanbul ǅ ß ŉ",
                                    "Кириллица",          "ｆｕｌｌ　width", "So\xCC\x9Bn Ti\xCC\xA3nh",
                                    "e\xCC\x81\xCC\x82",  "Ḩà Nội ﬁ"};
  std::ifstream in(antq::test::source_dir() + "/data/units/vn_admin_3tier_2025-03-01.csv");
  ASSERT_TRUE(in) << "the unit list";
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_GT(lines.size(), 10000u);
  std::size_t differ = 0;
  for (const auto& l : lines) {
    if (fold(l) != old_fold(l) && ++differ < 5) ADD_FAILURE() << l << ": " << fold(l) << " vs " << old_fold(l);
  }
  EXPECT_EQ(differ, 0u);
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

// ASCII text takes a path without ICU (an import folds and normalises every cell): the answers are
// the ones ICU gives, at the edges where the two paths meet.
TEST(TextFold, AsciiFoldsLikeTheTransliterator) {
  EXPECT_EQ(fold("Campaign_Launch"), "campaign_launch");
  EXPECT_EQ(fold(" \tTHON  1\r\n"), "thon 1");
  EXPECT_EQ(fold("16.000 @#[]`{}~"), "16.000 @#[]`{}~");
  EXPECT_EQ(fold(""), "");
  EXPECT_EQ(fold("Thon 1"), fold("Thôn 1"));
}

TEST(TextTrim, AsciiEndsAndOtherSpaces) {
  EXPECT_EQ(trim("  abc \v\f"), "abc");
  EXPECT_EQ(trim(" \t "), "");
  EXPECT_EQ(trim("Sơn Tịnh"), "Sơn Tịnh");
  EXPECT_EQ(trim(" Tịnh\xE3\x80\x80"), "Tịnh");     // ideographic space after a non-ASCII letter
  EXPECT_EQ(trim("\xE2\x80\x83x"), "x");            // em space before an ASCII letter
  EXPECT_EQ(trim(" a\xFF b "), "a\xEF\xBF\xBD b");  // a broken byte becomes U+FFFD on every path
}

TEST(TextNfc, ComposesAndKeepsWhatIsComposed) {
  EXPECT_EQ(nfc("So\xCC\x9Bn"), "Sơn");
  EXPECT_EQ(nfc("Sơn Tịnh"), "Sơn Tịnh");
  EXPECT_EQ(nfc("plain ascii"), "plain ascii");
  EXPECT_EQ(nfc("a\xFF"
                "b"),
            "a\xEF\xBF\xBD"
            "b");
}

TEST(Text, NumbersAreGroupedTheVietnameseWay) {
  EXPECT_EQ(antq::text::group_thousands(0), "0");
  EXPECT_EQ(antq::text::group_thousands(999), "999");
  EXPECT_EQ(antq::text::group_thousands(3421), "3.421");
  EXPECT_EQ(antq::text::group_thousands(35000), "35.000");
  EXPECT_EQ(antq::text::group_thousands(10000000), "10.000.000");
  EXPECT_EQ(antq::text::group_thousands(-1200), "-1.200");
}
