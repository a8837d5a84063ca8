#include <gtest/gtest.h>

#include "core/crypto.hpp"
#include "core/log.hpp"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  antq::crypto::init();
  // Tests assert on behaviour, not on log lines; keep the output readable.
  antq::log::setup(std::getenv("ANTQ_TEST_LOG_LEVEL") ? std::getenv("ANTQ_TEST_LOG_LEVEL") : "off");
  return RUN_ALL_TESTS();
}
