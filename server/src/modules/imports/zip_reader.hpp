#pragma once
// The parts of a zip archive held in memory, read with minizip (Debian's libminizip) through its
// I/O hooks, so an uploaded workbook is never written to disk to be opened. Every read is bounded:
// an entry is streamed in chunks to the caller and counted as it inflates, so a part that claims
// to be small but inflates to gigabytes is stopped at the limit, not after.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace antq::imports {

struct ZipMemory;  // the archive's bytes and a read position (zip_reader.cpp)

class ZipReader {
 public:
  // Throws BadRequest when `bytes` is not a zip archive.
  explicit ZipReader(std::string_view bytes);
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  bool has(const std::string& name);
  // Streams the entry's inflated bytes to `chunk`; throws BadRequest past `limit` bytes (and when
  // the entry is missing, encrypted or corrupt). Returns the bytes read.
  std::uint64_t read(const std::string& name, std::uint64_t limit, const std::function<void(std::string_view)>& chunk);
  // The whole entry as a string (small parts: the workbook, its relations).
  std::string read_all(const std::string& name, std::uint64_t limit);

 private:
  std::unique_ptr<ZipMemory> memory_;
  void* zip_ = nullptr;
};

}  // namespace antq::imports
