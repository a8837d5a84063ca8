#pragma once
// Where attachment files are kept (docs/decisions/0016-several-instances.md). The owners
// (tips, registers, evaluations, news covers) and the flow in attachments.hpp only ever ask a
// FileStore to keep a checked file, give a path to read it from, and remove it: the directory we
// ship (a local disk, or a mount every instance shares) and an S3-compatible object store would
// both fit behind it. Names are made by the store, never taken from input.
#include <memory>
#include <string>

namespace antq::attachments {

class FileStore {
 public:
  virtual ~FileStore() = default;
  // Takes the checked file at `local_path` (moved: the caller's copy is gone) and keeps it; returns
  // the name it is kept under, which the caller records. The file and its name are durable (on
  // disk, synced) when it returns. Throws std::system_error / filesystem_error when the store fails
  // (ENOSPC becomes 507 in the pipeline).
  virtual std::string keep(const std::string& local_path) = 0;
  // A local path the server reads a kept file from while it sends it.
  virtual std::string path(const std::string& name) const = 0;
  // Removes a kept file (its row was never committed); a file already gone is not an error.
  virtual void remove(const std::string& name) noexcept = 0;
};

// Files under `root`/YYYY/MM/<random>.bin: a local directory, or one mount shared by every
// instance (NFS and the like: each file is synced, then its directory after the rename).
std::shared_ptr<FileStore> directory_store(std::string root);

}  // namespace antq::attachments
