#include "http/file_response.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

#include "core/download_name.hpp"
#include "core/errors.hpp"

namespace antq::http {

Response file_response(const std::string& path, const std::string& media_type, const std::string& download_name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw NotFound("Tệp đính kèm không còn trên máy chủ; hãy báo quản trị viên.");
  std::ostringstream ss;
  ss << in.rdbuf();
  Response r;
  r.content_type = media_type;
  r.body = ss.str();
  r.header("Content-Disposition", download::content_disposition(download_name));
  r.header("Cache-Control", "private, no-store");
  return r;
}

std::int64_t id_param(const Request& req, const std::string& name, const char* not_found) {
  const std::string& s = req.param(name);
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0) throw NotFound(not_found);
  return v;
}

}  // namespace antq::http
