#include "http/response_cache.hpp"

#include <mutex>

#include "core/crypto.hpp"

namespace antq::http {

std::string body_etag(const std::string& body) { return "\"" + crypto::blake2b_hex(body).substr(0, 20) + "\""; }

std::shared_ptr<const Response> ResponseCache::find(const std::string& key, std::uint64_t stamp) const {
  std::shared_lock lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.stamp != stamp || std::chrono::steady_clock::now() >= it->second.until) return nullptr;
  return it->second.response;
}

std::shared_ptr<const Response> ResponseCache::put(const std::string& key, std::uint64_t stamp, Response res,
                                                   std::chrono::seconds max_age) {
  res.header("ETag", body_etag(res.body));
  auto kept = std::make_shared<const Response>(std::move(res));
  std::unique_lock lock(mutex_);
  // Entries of an older stamp are dead weight anyway: a full cache starts again.
  if (entries_.size() >= max_entries_ || bytes_ + kept->body.size() > max_bytes_) {
    entries_.clear();
    bytes_ = 0;
  }
  auto& e = entries_[key];
  if (e.response) bytes_ -= e.response->body.size();
  e = Entry{stamp, std::chrono::steady_clock::now() + max_age, kept};
  bytes_ += kept->body.size();
  return kept;
}

Response conditional(const Request& req, const Response& res) {
  const auto etag = res.find_header("ETag");
  const auto asked = req.header("if-none-match");
  if (etag.empty() || asked.empty() || asked.find(etag) == std::string_view::npos) return res;
  Response not_modified;
  not_modified.status = 304;
  not_modified.content_type.clear();
  for (const auto& [name, value] : res.headers) {
    if (name == "ETag" || name == "Cache-Control") not_modified.header(name, value);
  }
  return not_modified;
}

}  // namespace antq::http
