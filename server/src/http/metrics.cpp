#include "http/metrics.hpp"

#include <sstream>

namespace antq::http {

Metrics::Series& Metrics::series(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto& p = requests_[key];
  if (!p) p = std::make_unique<Series>();
  return *p;
}

Metrics::Histogram& Metrics::histogram(const std::string& route) {
  std::lock_guard lock(mutex_);
  auto& p = durations_[route];
  if (!p) p = std::make_unique<Histogram>();
  return *p;
}

void Metrics::record(const std::string& route, const std::string& method, int status, double seconds) {
  series(route + '\t' + method + '\t' + std::to_string(status)).count.fetch_add(1, std::memory_order_relaxed);
  auto& h = histogram(route);
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      h.buckets[i].fetch_add(1, std::memory_order_relaxed);
      break;
    }
  }
  h.count.fetch_add(1, std::memory_order_relaxed);
  h.sum_us.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

namespace {
std::string label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}
}  // namespace

std::string Metrics::render(const std::string& extra) const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  out << "# HELP antq_http_requests_total HTTP requests by route, method and status.\n"
         "# TYPE antq_http_requests_total counter\n";
  for (const auto& [key, s] : requests_) {
    const auto t1 = key.find('\t'), t2 = key.find('\t', t1 + 1);
    out << "antq_http_requests_total{route=\"" << label(key.substr(0, t1)) << "\",method=\"" << key.substr(t1 + 1, t2 - t1 - 1)
        << "\",status=\"" << key.substr(t2 + 1) << "\"} " << s->count.load(std::memory_order_relaxed) << '\n';
  }
  out << "# HELP antq_http_request_duration_seconds Time from request read to response ready.\n"
         "# TYPE antq_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : durations_) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h->buckets[i].load(std::memory_order_relaxed);
      out << "antq_http_request_duration_seconds_bucket{route=\"" << label(route) << "\",le=\"" << kBuckets[i] << "\"} " << cumulative
          << '\n';
    }
    const auto count = h->count.load(std::memory_order_relaxed);
    out << "antq_http_request_duration_seconds_bucket{route=\"" << label(route) << "\",le=\"+Inf\"} " << count << '\n'
        << "antq_http_request_duration_seconds_sum{route=\"" << label(route) << "\"} "
        << static_cast<double>(h->sum_us.load(std::memory_order_relaxed)) / 1e6 << '\n'
        << "antq_http_request_duration_seconds_count{route=\"" << label(route) << "\"} " << count << '\n';
  }
  out << extra;
  return out.str();
}

}  // namespace antq::http
