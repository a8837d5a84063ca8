#include "modules/backup/backup_install.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"
#include "core/download_name.hpp"
#include "core/errors.hpp"
#include "http/access.hpp"
#include "modules/backup/full_export.hpp"

namespace antq::backup {

namespace fs = std::filesystem;

namespace {

// The zip is built in a temporary file and sent from memory (responses are in memory); the file
// goes when the request is done, answered or not.
std::string export_to_memory(modules::Host& host, const http::Request& req) {
  const fs::path dir = fs::temp_directory_path() / ("antq-export-" + crypto::random_hex(8));
  fs::create_directories(dir);
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } cleanup{dir};
  const std::string path = (dir / "export.zip").string();
  // Sealed fields stay sealed: a decrypted export is for the command line, where the key is.
  export_all(host.db, path, ExportOptions{&host.keys, false, req.principal->username, req.request_id});
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

void install(modules::Host& host) {
  host.router.add({"GET", "/api/v1/system/export", http::Access::staff, http::Lane::heavy}, [&host](http::Request& req) {
    if (!access::is_national_admin(*req.principal)) {
      throw Forbidden("Chỉ quản trị viên toàn quốc được xuất toàn bộ dữ liệu.");
    }
    http::Response r;
    r.content_type = "application/zip";
    r.body = export_to_memory(host, req);
    r.header("Content-Disposition", download::content_disposition(export_file_name()));
    r.header("Cache-Control", "private, no-store");
    return r;
  });
}

}  // namespace antq::backup
