// The FileStore of a directory (file_store.hpp).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

#include "core/crypto.hpp"
#include "core/time.hpp"
#include "modules/attachments/file_store.hpp"

namespace antq::attachments {

namespace {

namespace fs = std::filesystem;

// fsync of a file or a directory; the errno of a failure is kept (ENOSPC on a thin or network
// volume reads as a full disk).
void sync_or_throw(const fs::path& p) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "open for fsync " + p.string());
  const bool ok = ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!ok) throw std::system_error(saved, std::generic_category(), "fsync " + p.string());
}

class DirectoryStore final : public FileStore {
 public:
  explicit DirectoryStore(std::string root) : root_(std::move(root)) {}

  std::string keep(const std::string& local_path) override {
    const std::string now = timeutil::now_utc();
    const std::string month = now.substr(0, 4) + "/" + now.substr(5, 2);
    std::string name = month + "/" + crypto::random_hex(16) + ".bin";
    const fs::path dir = root_ / month;
    fs::create_directories(dir);
    const fs::path target = root_ / name;
    std::error_code ec;
    fs::rename(local_path, target, ec);
    if (ec) {
      // The upload's directory is on another filesystem: a copy, synced itself (a rename keeps the
      // bytes the caller synced; a copy has new ones), then the upload removed.
      fs::copy_file(local_path, target, ec);
      if (ec) throw fs::filesystem_error("cannot keep attachment", local_path, target, ec);
      ::chmod(target.c_str(), 0600);
      sync_or_throw(target);
      fs::remove(local_path, ec);
    }
    // The new name survives a power cut only once its directory is synced.
    sync_or_throw(dir);
    return name;
  }

  std::string path(const std::string& name) const override { return (root_ / name).string(); }

  void remove(const std::string& name) noexcept override {
    std::error_code ec;
    fs::remove(root_ / name, ec);
  }

 private:
  fs::path root_;
};

}  // namespace

std::shared_ptr<FileStore> directory_store(std::string root) { return std::make_shared<DirectoryStore>(std::move(root)); }

}  // namespace antq::attachments
