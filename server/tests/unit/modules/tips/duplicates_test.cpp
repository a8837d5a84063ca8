#include "modules/tips/duplicates.hpp"

#include <gtest/gtest.h>

#include "core/text.hpp"

using antq::text::fold;
using antq::tips::kDuplicateThreshold;
using antq::tips::text_similarity;

TEST(DuplicateSimilarity, SameStoryInOtherWordsIsCloseDifferentStoryIsFar) {
  const auto a = fold("Có nhóm người tụ tập sử dụng ma túy tại bãi đất trống cuối thôn Trường Thọ vào buổi tối.");
  const auto b = fold("Tối nào cũng có nhóm người tụ tập sử dụng ma tuý ở bãi đất trống cuối thôn Trường Thọ.");
  const auto c = fold("Mất trộm hai con bò trong chuồng nhà ông Ba ở xóm trên, xảy ra đêm qua.");
  EXPECT_GE(text_similarity(a, b), kDuplicateThreshold);
  EXPECT_LT(text_similarity(a, c), kDuplicateThreshold);
  EXPECT_DOUBLE_EQ(text_similarity(a, a), 1.0);
  EXPECT_DOUBLE_EQ(text_similarity("", a), 0.0);
}
