#include "http/upload_slots.hpp"

#include <gtest/gtest.h>

#include <vector>

using namespace antq::http;

TEST(UploadSlots, PublicUploadsAreCappedPerAddressAndNeverTakeStaffSlots) {
  UploadSlots slots({4, 2, 2});
  auto a1 = slots.try_acquire(true, "a");
  auto a2 = slots.try_acquire(true, "a");
  EXPECT_TRUE(a1 && a2);
  EXPECT_FALSE(slots.try_acquire(true, "a")) << "a third from one address";
  auto b1 = slots.try_acquire(true, "b");
  auto c1 = slots.try_acquire(true, "c");
  EXPECT_TRUE(b1 && c1);
  EXPECT_FALSE(slots.try_acquire(true, "d")) << "the public pool is full";
  // Staff have their own pool.
  auto s1 = slots.try_acquire(false, "");
  auto s2 = slots.try_acquire(false, "");
  EXPECT_TRUE(s1 && s2);
  EXPECT_FALSE(slots.try_acquire(false, ""));
  EXPECT_EQ(slots.in_use_public(), 4);
  EXPECT_EQ(slots.in_use_staff(), 2);
  // A finished upload frees its slot and its address's share.
  a1.reset();
  EXPECT_TRUE(slots.try_acquire(true, "a"));  // acquired and released at once (a temporary)
  {
    UploadSlots::Ticket moved = std::move(a2);
    EXPECT_FALSE(a2);
    EXPECT_EQ(slots.in_use_public(), 3);
  }
  EXPECT_EQ(slots.in_use_public(), 2);
}
