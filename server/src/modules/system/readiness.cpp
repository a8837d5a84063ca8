#include "modules/system/readiness.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "core/crypto.hpp"
#include "db/migrations.hpp"

namespace antq::system {

namespace bj = boost::json;

namespace {

// A file written, fsynced and removed: the disk (or the shared mount) is there and writable.
void probe_storage(const std::string& dir) {
  const auto path = std::filesystem::path(dir) / (".readyz-" + crypto::random_hex(8));
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("không tạo được tệp trong " + dir + ": " + std::strerror(errno));
  const bool ok = ::write(fd, "ok", 2) == 2 && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  ::unlink(path.c_str());
  if (!ok) throw std::runtime_error("không ghi được vào " + dir + ": " + std::strerror(saved));
}

bj::object passed() { return {{"ok", true}}; }
bj::object failed(const std::string& why) { return {{"ok", false}, {"error", why}}; }

}  // namespace

Readiness::Readiness(db::Database& db, std::string storage_dir) : db_(db), storage_dir_(std::move(storage_dir)) {
  const auto all = db::embedded_migrations(db.engine());
  expected_version_ = all.empty() ? 0 : all.back().version;
}

// Each check runs whatever the others found, so the answer names everything that is wrong. The
// errors are the operator's (this endpoint is for the load balancer and the people running it);
// they name no record and no person.
Readiness::Report Readiness::check() const {
  Report r;
  r.ready = true;
  try {
    const int version = db::schema_version(db_);
    r.checks["database"] = passed();
    // Newer is fine: during a rolling upgrade the first new instance migrates while the old ones
    // still serve (migrations are forward-compatible unless a release says otherwise).
    if (version >= expected_version_) {
      r.checks["migrations"] = passed();
    } else {
      r.checks["migrations"] = failed("CSDL ở phiên bản " + std::to_string(version) + ", bản chạy này cần " +
                                      std::to_string(expected_version_) + " ('antq migrate').");
      r.ready = false;
    }
  } catch (const std::exception& e) {
    r.checks["database"] = failed(std::string("không kết nối được CSDL: ") + e.what());
    r.checks["migrations"] = failed("chưa kiểm tra được (CSDL không trả lời)");
    r.ready = false;
  }
  try {
    probe_storage(storage_dir_);
    r.checks["storage"] = passed();
  } catch (const std::exception& e) {
    r.checks["storage"] = failed(e.what());
    r.ready = false;
  }
  if (draining_) {
    r.checks["draining"] = failed("máy chủ đang dừng (SIGTERM): không nhận yêu cầu mới");
    r.ready = false;
  } else {
    r.checks["draining"] = passed();
  }
  return r;
}

}  // namespace antq::system
