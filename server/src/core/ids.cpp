#include "core/ids.hpp"

#include <atomic>
#include <cstdio>

#include "core/crypto.hpp"

namespace antq::ids {

std::string next_request_id() {
  static const std::string prefix = crypto::random_hex(4);
  static std::atomic<unsigned long long> counter{0};
  char buf[32];
  std::snprintf(buf, sizeof buf, "-%08llx", counter.fetch_add(1, std::memory_order_relaxed) + 1);
  return prefix + buf;
}

}  // namespace antq::ids
