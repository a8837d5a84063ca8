#include "http/static_files.hpp"

#include <fstream>
#include <sstream>

#include "core/crypto.hpp"
#include "core/errors.hpp"

namespace antq::http {

namespace fs = std::filesystem;

std::string_view mime_type(std::string_view ext) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {{".html", "text/html; charset=utf-8"},
                                                                         {".js", "text/javascript; charset=utf-8"},
                                                                         {".mjs", "text/javascript; charset=utf-8"},
                                                                         {".css", "text/css; charset=utf-8"},
                                                                         {".json", "application/json; charset=utf-8"},
                                                                         {".geojson", "application/geo+json"},
                                                                         {".svg", "image/svg+xml"},
                                                                         {".png", "image/png"},
                                                                         {".jpg", "image/jpeg"},
                                                                         {".jpeg", "image/jpeg"},
                                                                         {".gif", "image/gif"},
                                                                         {".webp", "image/webp"},
                                                                         {".ico", "image/x-icon"},
                                                                         {".woff", "font/woff"},
                                                                         {".woff2", "font/woff2"},
                                                                         {".ttf", "font/ttf"},
                                                                         {".txt", "text/plain; charset=utf-8"},
                                                                         {".map", "application/json; charset=utf-8"},
                                                                         {".webmanifest", "application/manifest+json"},
                                                                         {".pdf", "application/pdf"},
                                                                         {".wasm", "application/wasm"}};
  for (const auto& [e, t] : kTypes) {
    if (e == ext) return t;
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(fs::path root) : root_(std::move(root)) {}

namespace {
std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
bool accepts(std::string_view accept_encoding, std::string_view coding) { return accept_encoding.find(coding) != std::string_view::npos; }
}  // namespace

std::shared_ptr<const StaticFiles::Cached> StaticFiles::load(const fs::path& file) {
  std::error_code ec;
  const auto mtime = fs::last_write_time(file, ec);
  if (ec) return nullptr;
  const auto size = fs::file_size(file, ec);
  if (ec) return nullptr;
  const std::string key = file.string();
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(key);
    if (it != cache_.end() && it->second->mtime == mtime && it->second->size == size) return it->second;
  }
  auto c = std::make_shared<Cached>();
  c->mtime = mtime;
  c->size = size;
  c->body = read_file(file);
  c->etag = "\"" + crypto::blake2b_hex(c->body).substr(0, 20) + "\"";
  // Precompressed siblings are used only when they are at least as new as the file itself.
  for (auto [suffix, target] : {std::pair{".br", &c->brotli}, std::pair{".gz", &c->gzip}}) {
    fs::path sib = file;
    sib += suffix;
    if (fs::is_regular_file(sib, ec) && fs::last_write_time(sib, ec) >= mtime) *target = read_file(sib);
  }
  std::lock_guard lock(mutex_);
  cache_[key] = c;
  return c;
}

fs::path StaticFiles::page_or_app(std::string_view path) const {
  // The citizen pages are prerendered at build time (web/scripts/prerender.mjs) into
  // pages/<path>.html, so that their text paints before any script has run on a slow phone; every
  // other address is the app's own shell. The path was checked for traversal by the pipeline.
  std::string_view p = path;
  while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
  if (p.empty() || p == "/") p = "/index";
  std::error_code ec;
  fs::path page = root_ / "pages" / fs::path(p).relative_path();
  page += ".html";
  if (fs::is_regular_file(page, ec)) return page;
  return root_ / "index.html";
}

Response StaticFiles::serve(const Request& req) {
  if (req.method != "GET" && req.method != "HEAD") {
    throw ApiError(405, "method_not_allowed", "Phương thức không được hỗ trợ cho đường dẫn này.");
  }
  fs::path rel = fs::path(req.path).relative_path();
  fs::path file = root_ / rel;
  std::error_code ec;
  bool spa = false;
  if (req.path == "/" || fs::is_directory(file, ec)) {
    file = page_or_app(req.path);
    spa = true;
  } else if (!fs::is_regular_file(file, ec)) {
    // Client-side routes ("/units/21220") have no extension: give them the app. A missing asset
    // ("/assets/x.js") stays a 404 so the browser does not run HTML as a script.
    if (rel.has_extension()) throw NotFound("Không tìm thấy tệp yêu cầu.");
    file = page_or_app(req.path);
    spa = true;
  }
  auto c = load(file);
  if (!c) throw NotFound("Giao diện web chưa được build (thiếu " + file.filename().string() + "). Chạy 'make build'.");
  Response res;
  res.content_type = std::string(mime_type(file.extension().string()));
  res.header("ETag", c->etag);
  res.header("Vary", "Accept-Encoding");
  const bool hashed = rel.string().starts_with("assets/");
  res.header("Cache-Control", hashed && !spa ? "public, max-age=31536000, immutable" : "no-cache");
  if (req.header("if-none-match") == c->etag) {
    res.status = 304;
    return res;
  }
  const auto ae = req.header("accept-encoding");
  if (!c->brotli.empty() && accepts(ae, "br")) {
    res.body = c->brotli;
    res.header("Content-Encoding", "br");
  } else if (!c->gzip.empty() && accepts(ae, "gzip")) {
    res.body = c->gzip;
    res.header("Content-Encoding", "gzip");
  } else {
    res.body = c->body;
  }
  return res;
}

}  // namespace antq::http
