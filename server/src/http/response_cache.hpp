#pragma once
// Answers of public reads that every visitor shares (a unit, the catalogue, a commune's news),
// kept in memory under the database's change stamp (db::Database::change_stamp): an entry made
// under another stamp is never served, so a write on any instance, or by the CLI, retires every
// entry at once. Coarse (any write retires everything), but then no route can forget to say what
// it changed. Entries also age out after their route's `cache_seconds`, for what changes with
// the clock alone (a post scheduled for 10:00).
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "http/request.hpp"

namespace antq::http {

class ResponseCache {
 public:
  using Stamp = std::function<std::optional<std::uint64_t>()>;
  // Bounded by entries and by bytes (answers can be large: a commune's news): a full cache starts
  // again rather than tracking use.
  explicit ResponseCache(Stamp stamp, std::size_t max_entries = 20000, std::size_t max_bytes = 32u << 20)
      : stamp_(std::move(stamp)), max_entries_(max_entries), max_bytes_(max_bytes) {}

  std::optional<std::uint64_t> stamp() const { return stamp_(); }
  // The answer kept for `key` under `stamp`, if it is still young enough.
  std::shared_ptr<const Response> find(const std::string& key, std::uint64_t stamp) const;
  // Keeps a 200 answer made from data read after `stamp` was taken; adds its ETag.
  std::shared_ptr<const Response> put(const std::string& key, std::uint64_t stamp, Response res, std::chrono::seconds max_age);

 private:
  struct Entry {
    std::uint64_t stamp;
    std::chrono::steady_clock::time_point until;
    std::shared_ptr<const Response> response;
  };
  Stamp stamp_;
  std::size_t max_entries_, max_bytes_;
  std::size_t bytes_ = 0;  // of the bodies kept
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

// The ETag of a body (a hash of it, quoted).
std::string body_etag(const std::string& body);
// `res`, or 304 Not Modified when the request's If-None-Match names its ETag.
Response conditional(const Request& req, const Response& res);

}  // namespace antq::http
