#include "modules/media/media.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <vector>

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/log.hpp"
#include "core/time.hpp"
#include "modules/media/media_internal.hpp"

namespace antq::media {

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(0, p.size()) == p; }

// fsync of a file or a directory (after a rename, so the new name survives a power cut).
bool sync_path(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  errno = saved;
  return ok;
}

// A failed fsync carries its errno (ENOSPC on thin or network volumes), which the pipeline turns
// into 507 rather than a 500.
void sync_or_throw(const std::string& path) {
  if (!sync_path(path)) throw std::system_error(errno, std::generic_category(), "fsync " + path);
}

// Cleaning writes a new copy of the file: on a disk without room for it the libraries just fail,
// and that must read as "the disk is full" (507), not as "your file is broken" (415).
bool room_for(const std::string& file, std::uintmax_t bytes) {
  std::error_code ec;
  const auto space = std::filesystem::space(std::filesystem::path(file).parent_path(), ec);
  return ec || space.available > bytes + (1u << 20);
}

}  // namespace

namespace detail {

void log_refused(const MediaType& type, std::string_view stage) {
  log::info("media refused", {{"media_type", type.media_type}, {"stage", stage}});
}

Replacement::Replacement(const std::string& target) : target_(target) {
  // Same directory (so the rename is atomic), a name no upload has, only the server can read it.
  temp_ = target + ".clean-" + crypto::random_hex(8);
  fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
}

Replacement::~Replacement() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && fd_ >= 0) ::unlink(temp_.c_str());
}

bool Replacement::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool Replacement::commit() {
  if (fd_ < 0 || ::fsync(fd_) != 0) return false;
  if (::rename(temp_.c_str(), target_.c_str()) != 0) return false;
  committed_ = true;
  const std::string dir = std::filesystem::path(target_).parent_path().string();
  return sync_path(dir.empty() ? "." : dir);
}

}  // namespace detail

std::optional<MediaType> sniff_media(std::string_view h) {
  if (starts_with(h, "\xFF\xD8\xFF")) return MediaType{"image", "image/jpeg"};
  if (starts_with(h, "\x89PNG\r\n\x1A\n")) return MediaType{"image", "image/png"};
  if (starts_with(h, "RIFF") && h.size() >= 12 && h.substr(8, 4) == "WEBP") return MediaType{"image", "image/webp"};
  if (starts_with(h, "\x1A\x45\xDF\xA3")) return MediaType{"video", "video/webm"};
  if (h.size() >= 12 && h.substr(4, 4) == "ftyp") {
    const std::string_view brand = h.substr(8, 4);
    if (brand == "qt  ") return MediaType{"video", "video/quicktime"};
    if (starts_with(brand, "3gp") || starts_with(brand, "3g2")) return MediaType{"video", "video/3gpp"};
    // HEIF/AVIF stills share the container but are not videos, and we cannot clean them.
    if (brand == "heic" || brand == "heix" || brand == "mif1" || brand == "msf1" || brand == "avif") return std::nullopt;
    return MediaType{"video", "video/mp4"};
  }
  return std::nullopt;
}

bool strip_location(const std::string& path, const MediaType& type) {
  if (type.kind == "image") return detail::clean_image(path, type);
  if (type.kind == "video") return detail::clean_video(path, type);
  return false;
}

bool validate_media(const std::string& path, const MediaType& type) {
  if (type.kind == "image") return detail::validate_image(path, type);
  if (type.kind == "video") return detail::validate_video(path, type);
  return false;
}

CheckedMedia check_upload(const std::string& file, bool keep_location) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto size = file.empty() ? 0 : fs::file_size(file, ec);
  if (file.empty() || ec || size == 0) throw BadRequest("Chưa có tệp nào được gửi lên.", "file");
  std::string head(64, '\0');
  {
    std::ifstream in(file, std::ios::binary);
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
  }
  auto type = sniff_media(head);
  if (!type) {
    throw ApiError(415, "unsupported_media_type", "Chỉ nhận ảnh (JPEG, PNG, WebP) hoặc video (MP4, MOV, 3GP, WebM).", "file");
  }
  // Kept or not, the file must be what its first bytes claim: a file no library can read is not
  // stored, whether or not it was to be cleaned.
  if (!(keep_location ? validate_media(file, *type) : strip_location(file, *type))) {
    if (!keep_location && !room_for(file, size)) {
      throw StorageFull("no space to clean an upload of " + std::to_string(size) + " bytes in " + file);
    }
    throw ApiError(415, "unreadable_media", "Không đọc được tệp: tệp có thể bị hỏng.", "file");
  }
  if (!keep_location) {
    // A remux may write the family's sibling container (an MP4 whose codecs the mp4 muxer does not
    // take becomes QuickTime): the stored type is what the stored bytes are.
    std::string cleaned_head(64, '\0');
    std::ifstream in(file, std::ios::binary);
    in.read(cleaned_head.data(), static_cast<std::streamsize>(cleaned_head.size()));
    cleaned_head.resize(static_cast<std::size_t>(in.gcount()));
    const auto cleaned = sniff_media(cleaned_head);
    if (!cleaned || cleaned->kind != type->kind) throw std::runtime_error("cleaned attachment is not of its type: " + file);
    type = cleaned;
  }
  // Only the server reads these files; and the content must be on disk before the record that
  // points to it is acknowledged.
  ::chmod(file.c_str(), 0600);
  sync_or_throw(file);
  // Digest of what is stored (after cleaning), streamed.
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  {
    std::ifstream in(file, std::ios::binary);
    std::vector<char> buf(1 << 16);
    while (in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(buf.data()), static_cast<unsigned long long>(in.gcount()));
    }
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&st, digest);
  CheckedMedia out;
  out.kind = type->kind;
  out.media_type = type->media_type;
  out.sha256 = crypto::to_hex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
  out.size = static_cast<std::int64_t>(fs::file_size(file));
  out.location_removed = !keep_location;
  return out;
}

std::string extension(const std::string& media_type) {
  const std::string ext = media_type.substr(media_type.find('/') + 1);
  return ext == "quicktime" ? "mov" : ext == "3gpp" ? "3gp" : ext;
}

}  // namespace antq::media
