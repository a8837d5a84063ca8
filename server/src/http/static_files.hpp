#pragma once
// Serves the built web app: correct MIME types, strong ETags with 304, precompressed .br/.gz
// siblings when the client accepts them, long caching for hashed assets, the SPA fallback to
// a prerendered page (pages/<path>.html) or index.html, and no way out of the web root.
#include <filesystem>
#include <mutex>
#include <string>
#include <unordered_map>

#include "http/request.hpp"

namespace antq::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);
  // `path` is the decoded request path (already checked for traversal by the pipeline).
  Response serve(const Request& req);
  const std::filesystem::path& root() const { return root_; }

 private:
  struct Cached {
    std::filesystem::file_time_type mtime;
    std::uintmax_t size = 0;
    std::string body, gzip, brotli, etag;
  };
  std::shared_ptr<const Cached> load(const std::filesystem::path& file);
  // The file that answers a client-side address: its prerendered page, else index.html.
  std::filesystem::path page_or_app(std::string_view path) const;

  std::filesystem::path root_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Cached>> cache_;
};

std::string_view mime_type(std::string_view extension);

}  // namespace antq::http
