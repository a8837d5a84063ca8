#include "modules/media/media.hpp"

#include <exiv2/exiv2.hpp>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <vector>

#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/time.hpp"

namespace antq::media {

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(0, p.size()) == p; }

// fsync of a file or a directory (after a rename, so the new name survives a power cut).
bool sync_path(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

std::once_flag exiv2_once;
void init_exiv2() {
  std::call_once(exiv2_once, [] {
    // XMP support must be initialised once before threads use it; Exiv2's own warnings would
    // otherwise go to stderr in a format our log readers do not expect.
    Exiv2::XmpParser::initialize();
    Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
  });
}

bool strip_image(const std::string& path) {
  init_exiv2();
  try {
    auto image = Exiv2::ImageFactory::open(path);
    if (!image.get()) return false;
    image->readMetadata();
    Exiv2::ExifData& exif = image->exifData();
    for (auto it = exif.begin(); it != exif.end();) {
      if (it->groupName() == "GPSInfo" || it->key() == "Exif.Image.GPSTag") it = exif.erase(it);
      else ++it;
    }
    Exiv2::XmpData& xmp = image->xmpData();
    for (auto it = xmp.begin(); it != xmp.end();) {
      const std::string key = it->key();
      if (key.find("GPS") != std::string::npos || key.find("Location") != std::string::npos) it = xmp.erase(it);
      else ++it;
    }
    image->writeMetadata();
    return true;
  } catch (const Exiv2::AnyError&) {
    return false;
  } catch (const std::exception&) {
    // A hostile file may trip other failures inside the parser: it is refused all the same.
    return false;
  }
}

// ISO base media (MP4, MOV, 3GP): a tree of boxes "size type payload". Location sits in udta
// (©xyz) and meta (Apple's location keys) boxes under moov and trak; renaming such a box to
// "free" (and zeroing its payload) makes every player skip it while leaving all offsets valid, so
// the file is cleaned in place without rewriting the media data.
bool strip_bmff(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "r+b");
  if (!f) return false;
  struct Closer {
    std::FILE* f;
    ~Closer() { std::fclose(f); }
  } closer{f};
  std::fseek(f, 0, SEEK_END);
  const long long file_size = std::ftell(f);
  bool ok = true;
  auto walk = [&](auto&& self, long long start, long long end, int depth) -> void {
    long long pos = start;
    while (ok && pos + 8 <= end) {
      unsigned char h[16];
      std::fseek(f, pos, SEEK_SET);
      if (std::fread(h, 1, 8, f) != 8) {
        ok = false;
        return;
      }
      long long size = (static_cast<long long>(h[0]) << 24) | (h[1] << 16) | (h[2] << 8) | h[3];
      long long header = 8;
      if (size == 1) {
        if (std::fread(h + 8, 1, 8, f) != 8) {
          ok = false;
          return;
        }
        size = 0;
        for (int i = 8; i < 16; ++i) size = (size << 8) | h[i];
        header = 16;
      } else if (size == 0) {
        size = end - pos;
      }
      // Compare without overflow: a forged 64-bit size must not pass as "fits".
      if (size < header || size > end - pos) {
        ok = false;
        return;
      }
      const std::string type(reinterpret_cast<char*>(h + 4), 4);
      bool wipe = depth > 0 && (type == "udta" || type == "meta");
      if (depth == 0 && type == "meta") wipe = true;
      if (type == "uuid" && size >= header + 16) {
        // XMP packets (which can carry GPS) live in a uuid box with this identifier.
        static const unsigned char kXmp[16] = {0xBE, 0x7A, 0xCF, 0xCB, 0x97, 0xA9, 0x42, 0xE8,
                                               0x9C, 0x71, 0x99, 0x94, 0x91, 0xE3, 0xAF, 0xAC};
        unsigned char id[16];
        std::fseek(f, pos + header, SEEK_SET);
        if (std::fread(id, 1, 16, f) == 16 && std::memcmp(id, kXmp, 16) == 0) wipe = true;
      }
      if (wipe) {
        // Rename, and wipe the payload: a skipped box would still carry the coordinates.
        std::fseek(f, pos + 4, SEEK_SET);
        if (std::fwrite("free", 1, 4, f) != 4) ok = false;
        std::fseek(f, pos + header, SEEK_SET);
        static const char zeros[4096] = {};
        for (long long left = size - header; ok && left > 0;) {
          const auto n = static_cast<std::size_t>(std::min<long long>(left, sizeof zeros));
          if (std::fwrite(zeros, 1, n, f) != n) ok = false;
          left -= static_cast<long long>(n);
        }
      } else if ((type == "moov" || type == "trak") && depth < 4) {
        self(self, pos + header, pos + size, depth + 1);
      }
      pos += size;
    }
  };
  walk(walk, 0, file_size, 0);
  return ok && std::fflush(f) == 0;
}

}  // namespace

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
  if (type.kind == "image") return strip_image(path);
  if (type.media_type == "video/webm") return true;  // Matroska has no standard location tag
  return strip_bmff(path);
}

StoredMedia store_upload(const std::string& file, const std::string& root, bool keep_location) {
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
  const auto type = sniff_media(head);
  if (!type) {
    throw ApiError(415, "unsupported_media_type", "Chỉ nhận ảnh (JPEG, PNG, WebP) hoặc video (MP4, MOV, 3GP, WebM).", "file");
  }
  if (!keep_location && !strip_location(file, *type)) {
    throw ApiError(415, "unreadable_media", "Không đọc được tệp: tệp có thể bị hỏng.", "file");
  }
  // Only the server reads these files; and the content must be on disk before the record that
  // points to it is acknowledged.
  ::chmod(file.c_str(), 0600);
  if (!sync_path(file)) throw std::runtime_error("cannot fsync upload " + file);
  // Digest of what is stored (after cleaning), streamed.
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  {
    std::ifstream in(file, std::ios::binary);
    std::vector<char> buf(1 << 16);
    while (in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(buf.data()),
                                static_cast<unsigned long long>(in.gcount()));
    }
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&st, digest);
  const std::string now = timeutil::now_utc();
  const std::string month_dir = now.substr(0, 4) + "/" + now.substr(5, 2);
  StoredMedia out;
  out.kind = type->kind;
  out.media_type = type->media_type;
  out.sha256 = crypto::to_hex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
  out.stored_name = month_dir + "/" + crypto::random_hex(16) + ".bin";
  out.location_removed = !keep_location;
  fs::create_directories(fs::path(root) / month_dir);
  const fs::path target = fs::path(root) / out.stored_name;
  fs::rename(file, target, ec);
  if (ec) {
    // Another filesystem: copy; the server removes the temporary file.
    fs::copy_file(file, target, ec);
    if (ec) throw std::runtime_error("cannot store attachment " + target.string() + ": " + ec.message());
  }
  out.size = static_cast<std::int64_t>(fs::file_size(target));
  if (!sync_path(target.parent_path().string())) throw std::runtime_error("cannot fsync " + target.parent_path().string());
  return out;
}

void remove_stored(const std::string& root, const std::string& stored_name) {
  std::error_code ec;
  std::filesystem::remove(std::filesystem::path(root) / stored_name, ec);
}

std::string extension(const std::string& media_type) {
  const std::string ext = media_type.substr(media_type.find('/') + 1);
  return ext == "quicktime" ? "mov" : ext == "3gpp" ? "3gp" : ext;
}

}  // namespace antq::media
