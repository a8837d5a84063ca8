#pragma once
// Request counters and latency histograms by route, rendered in Prometheus text format.
#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace antq::http {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0};
  void record(const std::string& route, const std::string& method, int status, double seconds);
  // `extra` appends gauges owned by others (database pool, in-flight requests).
  std::string render(const std::string& extra) const;

 private:
  struct Series {
    std::atomic<std::uint64_t> count{0};
  };
  struct Histogram {
    std::array<std::atomic<std::uint64_t>, kBuckets.size()> buckets{};
    std::atomic<std::uint64_t> count{0};
    std::atomic<std::uint64_t> sum_us{0};
  };
  Series& series(const std::string& key);
  Histogram& histogram(const std::string& route);

  mutable std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Series>> requests_;      // key: route\tmethod\tstatus
  std::map<std::string, std::unique_ptr<Histogram>> durations_;  // key: route
};

}  // namespace antq::http
