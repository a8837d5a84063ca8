#include "modules/imports/zip_reader.hpp"

#include <minizip/unzip.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "core/errors.hpp"

namespace antq::imports {

// The archive's bytes and a read position: what minizip's file functions see as "the file".
struct ZipMemory {
  std::string_view bytes;
  std::uint64_t pos = 0;
};

namespace {

voidpf ZCALLBACK mem_open(voidpf opaque, const void* /*name*/, int /*mode*/) { return opaque; }

uLong ZCALLBACK mem_read(voidpf /*opaque*/, voidpf stream, void* buf, uLong size) {
  auto* m = static_cast<ZipMemory*>(stream);
  const std::uint64_t left = m->bytes.size() - std::min<std::uint64_t>(m->pos, m->bytes.size());
  const uLong n = static_cast<uLong>(std::min<std::uint64_t>(size, left));
  std::memcpy(buf, m->bytes.data() + m->pos, n);
  m->pos += n;
  return n;
}

uLong ZCALLBACK mem_write(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T ZCALLBACK mem_tell(voidpf, voidpf stream) { return static_cast<ZipMemory*>(stream)->pos; }

long ZCALLBACK mem_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* m = static_cast<ZipMemory*>(stream);
  std::uint64_t base = 0;
  if (origin == ZLIB_FILEFUNC_SEEK_CUR) base = m->pos;
  if (origin == ZLIB_FILEFUNC_SEEK_END) base = m->bytes.size();
  if (base + offset > m->bytes.size()) return -1;
  m->pos = base + offset;
  return 0;
}

int ZCALLBACK mem_close(voidpf, voidpf) { return 0; }
int ZCALLBACK mem_error(voidpf, voidpf) { return 0; }

const char* kNotXlsx = "Tệp không phải bảng tính .xlsx hợp lệ (tệp nén hỏng). Hãy mở bằng Excel và lưu lại dưới dạng .xlsx.";

}  // namespace

ZipReader::ZipReader(std::string_view bytes) : memory_(std::make_unique<ZipMemory>()) {
  memory_->bytes = bytes;
  // minizip passes `opaque` to mem_open, whose answer is the stream every other hook receives.
  zlib_filefunc64_def io{};
  io.zopen64_file = mem_open;
  io.zread_file = mem_read;
  io.zwrite_file = mem_write;
  io.ztell64_file = mem_tell;
  io.zseek64_file = mem_seek;
  io.zclose_file = mem_close;
  io.zerror_file = mem_error;
  io.opaque = memory_.get();
  zip_ = unzOpen2_64("memory", &io);
  if (!zip_) throw BadRequest(kNotXlsx, "file");
}

ZipReader::~ZipReader() {
  if (zip_) unzClose(zip_);
}

bool ZipReader::has(const std::string& name) { return unzLocateFile(zip_, name.c_str(), 0) == UNZ_OK; }

std::uint64_t ZipReader::read(const std::string& name, std::uint64_t limit, const std::function<void(std::string_view)>& chunk) {
  if (unzLocateFile(zip_, name.c_str(), 0) != UNZ_OK)
    throw BadRequest("Bảng tính thiếu phần '" + name + "': tệp .xlsx không đầy đủ.", "file");
  unz_file_info64 info{};
  if (unzGetCurrentFileInfo64(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) throw BadRequest(kNotXlsx, "file");
  if (info.flag & 1U) throw BadRequest("Bảng tính được mã hóa: hãy gỡ mật khẩu rồi lưu lại dưới dạng .xlsx.", "file", "unsupported_file");
  const std::string too_big = "Tệp .xlsx giải nén ra quá lớn (phần '" + name + "' vượt " + std::to_string(limit / (1024 * 1024)) +
                              " MiB): tệp có thể là \"bom nén\" hoặc bị hỏng; hãy chia nhỏ hoặc lưu lại bằng Excel.";
  // The declared size can lie; the count below is what holds.
  if (info.uncompressed_size > limit) throw BadRequest(too_big, "file", "file_too_large_unpacked");
  if (unzOpenCurrentFile(zip_) != UNZ_OK) throw BadRequest(kNotXlsx, "file");
  std::vector<char> buf(64 * 1024);
  std::uint64_t total = 0;
  try {
    for (;;) {
      const int n = unzReadCurrentFile(zip_, buf.data(), static_cast<unsigned>(buf.size()));
      if (n < 0) throw BadRequest(kNotXlsx, "file");
      if (n == 0) break;
      total += static_cast<std::uint64_t>(n);
      if (total > limit) throw BadRequest(too_big, "file", "file_too_large_unpacked");
      chunk(std::string_view(buf.data(), static_cast<std::size_t>(n)));
    }
  } catch (...) {
    unzCloseCurrentFile(zip_);
    throw;
  }
  // A CRC mismatch (a truncated or altered archive) is reported here.
  if (unzCloseCurrentFile(zip_) != UNZ_OK) throw BadRequest(kNotXlsx, "file");
  return total;
}

std::string ZipReader::read_all(const std::string& name, std::uint64_t limit) {
  std::string out;
  read(name, limit, [&](std::string_view part) { out.append(part); });
  return out;
}

}  // namespace antq::imports
