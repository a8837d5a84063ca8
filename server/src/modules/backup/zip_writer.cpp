#include "modules/backup/zip_writer.hpp"

#include <minizip/zip.h>

#include <ctime>

#include "core/crypto.hpp"
#include "core/errors.hpp"

namespace antq::backup {

namespace {

constexpr std::size_t kBuffer = 256 * 1024;

zipFile handle(void* z) { return static_cast<zipFile>(z); }

[[noreturn]] void fail(const std::string& path, const char* what) {
  throw OperatorError("Không ghi được tệp '" + path + "' (" + what + "): kiểm tra thư mục đích và dung lượng đĩa.");
}

}  // namespace

ZipWriter::ZipWriter(const std::string& path) : path_(path) {
  zip_ = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  if (!zip_) fail(path, "không tạo được");
  buffer_.reserve(kBuffer);
}

ZipWriter::~ZipWriter() {
  if (zip_) zipClose(handle(zip_), nullptr);  // after a failure: the caller removes the file
}

void ZipWriter::begin(const std::string& name) {
  zip_fileinfo info{};
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  info.tmz_date = {static_cast<uInt>(tm.tm_sec),  static_cast<uInt>(tm.tm_min), static_cast<uInt>(tm.tm_hour),
                   static_cast<uInt>(tm.tm_mday), static_cast<uInt>(tm.tm_mon), static_cast<uInt>(tm.tm_year + 1900)};
  if (zipOpenNewFileInZip64(handle(zip_), name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, Z_DEFAULT_COMPRESSION, 1) !=
      ZIP_OK) {
    fail(path_, "không thêm được mục");
  }
  crypto_hash_sha256_init(&sha_);
  bytes_ = 0;
  open_entry_ = true;
}

void ZipWriter::write(std::string_view bytes) {
  buffer_.append(bytes);
  if (buffer_.size() >= kBuffer) flush();
}

void ZipWriter::flush() {
  if (buffer_.empty()) return;
  crypto_hash_sha256_update(&sha_, reinterpret_cast<const unsigned char*>(buffer_.data()), buffer_.size());
  bytes_ += buffer_.size();
  if (zipWriteInFileInZip(handle(zip_), buffer_.data(), static_cast<unsigned>(buffer_.size())) != ZIP_OK) fail(path_, "lỗi ghi");
  buffer_.clear();
}

EntryDigest ZipWriter::end() {
  flush();
  if (zipCloseFileInZip(handle(zip_)) != ZIP_OK) fail(path_, "lỗi ghi");
  open_entry_ = false;
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&sha_, digest);
  return {crypto::to_hex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest)), bytes_};
}

void ZipWriter::close() {
  const int rc = zipClose(handle(zip_), nullptr);
  zip_ = nullptr;
  if (rc != ZIP_OK) fail(path_, "lỗi ghi");
}

}  // namespace antq::backup
