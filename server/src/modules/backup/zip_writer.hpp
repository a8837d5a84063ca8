#pragma once
// A zip file written entry by entry through minizip (zlib's contrib, Debian's libminizip), with the
// SHA-256 and size of each entry's uncompressed bytes for the export's manifest. ZIP64, so an
// export past 4 GiB stays readable. Entries are written one at a time, each through a buffer.
#include <sodium.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace antq::backup {

struct EntryDigest {
  std::string sha256;  // hex
  std::uint64_t bytes = 0;
};

class ZipWriter {
 public:
  // Creates `path` (OperatorError when it cannot be created).
  explicit ZipWriter(const std::string& path);
  ~ZipWriter();
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  void begin(const std::string& name);
  void write(std::string_view bytes);
  EntryDigest end();
  // Writes the central directory; the file is complete only after this.
  void close();

 private:
  void flush();
  void* zip_ = nullptr;
  std::string path_;
  std::string buffer_;
  crypto_hash_sha256_state sha_{};
  std::uint64_t bytes_ = 0;
  bool open_entry_ = false;
};

}  // namespace antq::backup
