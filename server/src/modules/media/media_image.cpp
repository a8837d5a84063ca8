// Photos: Exiv2 removes the metadata it knows (all IPTC, all XMP, the comment, every EXIF tag
// but three), then a walk over the file's own structure keeps only the segments or chunks a
// viewer needs, because Exiv2 leaves what it does not know where it is (PNG text chunks, private
// JPEG segments, data after the image, unknown WebP chunks). See docs/decisions/0009-media-cleaning.md.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <exiv2/exiv2.hpp>

#include <array>
#include <cstring>
#include <deque>
#include <mutex>
#include <vector>

#include "core/log.hpp"
#include "modules/media/media_internal.hpp"

namespace antq::media::detail {

namespace {

// Far above any upload (kMaxAttachmentBytes), low enough that a stray call cannot map a disk.
constexpr std::size_t kMaxImageBytes = 256u << 20;

std::once_flag exiv2_once;
void init_exiv2() {
  std::call_once(exiv2_once, [] {
    // XMP support must be initialised once before threads use it. Exiv2 warns about every oddity
    // of a file, on stderr and not as JSON: its messages go to our log, at debug level (a hostile
    // upload must not fill the operator's log).
    Exiv2::XmpParser::initialize();
    Exiv2::LogMsg::setLevel(Exiv2::LogMsg::warn);
    Exiv2::LogMsg::setHandler([](int level, const char* msg) {
      if (!log::enabled(log::Level::debug)) return;
      std::string_view m(msg ? msg : "");
      while (!m.empty() && (m.back() == '\n' || m.back() == '\r')) m.remove_suffix(1);
      log::write(log::Level::debug, "exiv2", {{"level", level >= Exiv2::LogMsg::error ? "error" : "warning"}, {"message", m}});
    });
  });
}

// A read-only view of a whole file (mapped, so a 25 MB photo costs page cache, not heap).
class Mapped {
 public:
  explicit Mapped(const std::string& path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd_ < 0 || ::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
        static_cast<std::uint64_t>(st.st_size) > kMaxImageBytes) {
      return;
    }
    void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd_, 0);
    if (p == MAP_FAILED) return;
    data_ = static_cast<const char*>(p);
    size_ = static_cast<std::size_t>(st.st_size);
  }
  ~Mapped() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
    if (fd_ >= 0) ::close(fd_);
  }
  Mapped(const Mapped&) = delete;
  Mapped& operator=(const Mapped&) = delete;
  bool ok() const { return data_ != nullptr; }
  std::string_view bytes() const { return {data_, size_}; }

 private:
  int fd_ = -1;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

// The output of a structure walk: views into the input, and the few bytes the walk rewrote.
struct Plan {
  std::vector<std::string_view> pieces;
  std::deque<std::string> owned;  // a deque: views into earlier elements stay valid
  void keep(std::string_view s) {
    if (!s.empty()) pieces.push_back(s);
  }
  void keep_owned(std::string s) {
    owned.push_back(std::move(s));
    pieces.push_back(owned.back());
  }
};

bool starts_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(0, p.size()) == p; }
unsigned u8(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }
std::uint32_t be16(std::string_view s, std::size_t i) { return (u8(s, i) << 8) | u8(s, i + 1); }
std::uint32_t be32(std::string_view s, std::size_t i) {
  return (std::uint32_t{u8(s, i)} << 24) | (u8(s, i + 1) << 16) | (u8(s, i + 2) << 8) | u8(s, i + 3);
}
std::uint32_t le32(std::string_view s, std::size_t i) {
  return u8(s, i) | (u8(s, i + 1) << 8) | (u8(s, i + 2) << 16) | (std::uint32_t{u8(s, i + 3)} << 24);
}
std::string le32_bytes(std::uint32_t v) {
  std::string out(4, '\0');
  for (int i = 0; i < 4; ++i) out[static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
  return out;
}

// ---- JPEG: segments before and between scans; the scans' entropy-coded data; EOI.
// Kept: every segment a decoder uses (tables, frame, scans, restart interval), JFIF APP0 without
// its thumbnail, the first Exif APP1 (Exiv2 has just rewritten it with the whitelist), ICC
// profiles (APP2, colour), Adobe APP14 (colour transform of CMYK/YCCK files). Dropped: XMP
// (APP1), IPTC (APP13), MPF and FlashPix (APP2), every other APPn, comments, reserved JPGn
// markers, and everything after EOI (phones append a second picture or their own trailer there).
bool plan_jpeg(std::string_view in, Plan& plan) {
  const std::size_t n = in.size();
  if (n < 4 || u8(in, 0) != 0xFF || u8(in, 1) != 0xD8) return false;
  plan.keep(in.substr(0, 2));
  std::size_t pos = 2;
  bool frame = false, scan = false, exif = false;
  for (;;) {
    // A marker: 0xFF, optional 0xFF fill bytes, the code.
    if (pos >= n || u8(in, pos) != 0xFF) return false;
    while (pos < n && u8(in, pos) == 0xFF) ++pos;
    if (pos >= n) return false;
    const unsigned m = u8(in, pos++);
    const std::size_t start = pos - 2;  // the last 0xFF and the code: fill bytes are not copied
    if (m == 0xD9) {
      if (!frame || !scan) return false;
      plan.keep(in.substr(start, 2));
      return true;
    }
    if (m == 0x00 || m == 0xD8) return false;
    if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {  // TEM and RSTn stand alone
      plan.keep(in.substr(start, 2));
      continue;
    }
    if (pos + 2 > n) return false;
    const std::size_t len = be16(in, pos);
    if (len < 2 || len > n - pos) return false;
    const std::string_view payload = in.substr(pos + 2, len - 2);
    const std::string_view segment = in.substr(start, 2 + len);
    pos += len;
    if (m >= 0xE0 && m <= 0xEF) {
      if (m == 0xE0 && payload.size() >= 14 && starts_with(payload, std::string_view("JFIF\0", 5))) {
        // Version, units and density; the thumbnail size set to 0×0 and its pixels left out.
        std::string& app0 = plan.owned.emplace_back("\xFF\xE0\x00\x10", 4);
        app0.append(payload.substr(0, 12));
        app0.append(2, '\0');
        plan.pieces.push_back(app0);
      } else if (m == 0xE1 && !exif && starts_with(payload, std::string_view("Exif\0\0", 6))) {
        exif = true;
        plan.keep(segment);
      } else if ((m == 0xE2 && starts_with(payload, std::string_view("ICC_PROFILE\0", 12))) ||
                 (m == 0xEE && starts_with(payload, "Adobe"))) {
        plan.keep(segment);
      }
      continue;
    }
    if (m == 0xFE || m >= 0xF0) continue;  // COM, JPGn
    const bool sof = (m >= 0xC0 && m <= 0xCF) && m != 0xC4 && m != 0xC8 && m != 0xCC;
    if (sof) frame = true;
    plan.keep(segment);
    if (m == 0xDA) {
      if (!frame) return false;
      // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor RSTn.
      std::size_t i = pos;
      for (;;) {
        const void* ff = i < n ? std::memchr(in.data() + i, 0xFF, n - i) : nullptr;
        if (!ff) return false;  // the image never ends: truncated
        i = static_cast<std::size_t>(static_cast<const char*>(ff) - in.data());
        if (i + 1 >= n) return false;
        const unsigned c = u8(in, i + 1);
        if (c == 0x00 || (c >= 0xD0 && c <= 0xD7)) {
          i += 2;
          continue;
        }
        break;
      }
      plan.keep(in.substr(pos, i - pos));
      pos = i;
      scan = true;
    }
  }
}

// ---- PNG: signature, chunks with CRCs, IEND.
constexpr std::array<std::uint32_t, 256> make_crc_table() {
  std::array<std::uint32_t, 256> t{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[i] = c;
  }
  return t;
}
constexpr auto kCrcTable = make_crc_table();
std::uint32_t crc32(std::string_view s) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : s) c = kCrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
  return ~c;
}

// Kept: the critical chunks, and the ancillary chunks that change how the pixels look
// (transparency, colour space and profile, gamma, significant bits, background, pixel size) or
// animate them (APNG). Dropped: tEXt, zTXt, iTXt (where Exiv2, editors and phones write XMP,
// EXIF, IPTC and free text such as "Location"), eXIf, tIME, and every private or unknown chunk.
// Exiv2 does not remove chunks it does not own, so this list, not Exiv2, is what guarantees that
// no text survives in a PNG.
bool png_chunk_kept(std::string_view t) {
  static constexpr std::string_view kKept[] = {"IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "iCCP",
                                               "sBIT", "sRGB", "cICP", "bKGD", "pHYs", "acTL", "fcTL", "fdAT"};
  for (auto k : kKept) {
    if (t == k) return true;
  }
  return false;
}

bool plan_png(std::string_view in, Plan& plan) {
  static constexpr std::string_view kSig("\x89PNG\r\n\x1A\n", 8);
  if (!starts_with(in, kSig)) return false;
  plan.keep(in.substr(0, 8));
  std::size_t pos = 8;
  bool first = true, idat = false;
  for (;;) {
    if (in.size() - pos < 12) return false;
    const std::size_t len = be32(in, pos);
    if (len > 0x7FFFFFFFu || len > in.size() - pos - 12) return false;
    const std::string_view type = in.substr(pos + 4, 4);
    for (char c : type) {
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
    }
    if (crc32(in.substr(pos + 4, 4 + len)) != be32(in, pos + 8 + len)) return false;
    if (first != (type == "IHDR")) return false;
    first = false;
    const std::string_view chunk = in.substr(pos, 12 + len);
    pos += 12 + len;
    if (type == "IEND") {
      plan.keep(chunk);
      return idat;  // anything after IEND is dropped
    }
    if (type == "IDAT") idat = true;
    if (png_chunk_kept(type)) {
      plan.keep(chunk);
    } else if (type[0] >= 'A' && type[0] <= 'Z') {
      return false;  // an unknown critical chunk: no decoder can show this image
    }
  }
}

// ---- WebP: RIFF header, chunks (padded to even sizes).
// Kept: the image (VP8, VP8L, ALPH, and ANIM/ANMF for animations), ICCP (colour), the first EXIF
// (Exiv2 has just rewritten it with the whitelist), and VP8X with its flags recomputed to match.
// Dropped: XMP and every unknown chunk, and anything after the RIFF size.
bool plan_webp(std::string_view in, Plan& plan) {
  if (in.size() < 20 || !starts_with(in, "RIFF") || in.substr(8, 4) != "WEBP") return false;
  const std::size_t riff = le32(in, 4);
  if (riff < 12 || riff > in.size() - 8) return false;
  const std::size_t end = 8 + riff;
  std::vector<std::string_view> chunks;
  std::size_t pos = 12;
  bool image = false, exif = false, icc = false, extended = false;
  while (pos < end) {
    if (end - pos < 8) return false;
    const std::string_view fourcc = in.substr(pos, 4);
    const std::size_t len = le32(in, pos + 4);
    if (len > end - pos - 8) return false;
    // A missing last pad byte is tolerated (and added back below).
    const std::size_t padded = std::min(len + (len & 1), end - pos - 8);
    const std::string_view chunk = in.substr(pos, 8 + padded);
    const bool is_first = pos == 12;
    pos += 8 + padded;
    if (fourcc == "VP8X") {
      if (!is_first || len < 10) return false;
      extended = true;
      chunks.push_back(chunk);
    } else if (fourcc == "VP8 " || fourcc == "VP8L") {
      image = true;
      chunks.push_back(chunk);
    } else if (extended && (fourcc == "ALPH" || fourcc == "ANIM")) {
      chunks.push_back(chunk);
    } else if (extended && fourcc == "ANMF") {
      image = true;
      chunks.push_back(chunk);
    } else if (extended && fourcc == "ICCP" && !icc) {
      icc = true;
      chunks.push_back(chunk);
    } else if (extended && fourcc == "EXIF" && !exif) {
      exif = true;
      chunks.push_back(chunk);
    }
  }
  if (!image) return false;
  std::size_t total = 4;
  for (auto c : chunks) total += c.size() + (c.size() & 1);
  if (total > 0xFFFFFFF0u) return false;
  plan.keep_owned("RIFF" + le32_bytes(static_cast<std::uint32_t>(total)) + "WEBP");
  for (auto c : chunks) {
    if (c.substr(0, 4) == "VP8X") {
      // Flags: ICC 0x20, alpha 0x10, EXIF 0x08, XMP 0x04, animation 0x02.
      std::string x(c);
      auto flags = static_cast<unsigned char>(x[8]);
      flags &= static_cast<unsigned char>(~(0x20u | 0x08u | 0x04u));
      if (icc) flags |= 0x20;
      if (exif) flags |= 0x08;
      x[8] = static_cast<char>(flags);
      plan.keep_owned(std::move(x));
    } else {
      plan.keep(c);
      if (c.size() & 1) plan.keep_owned(std::string(1, '\0'));
    }
  }
  return true;
}

bool plan_for(const MediaType& type, std::string_view bytes, Plan& plan) {
  if (type.media_type == "image/jpeg") return plan_jpeg(bytes, plan);
  if (type.media_type == "image/png") return plan_png(bytes, plan);
  if (type.media_type == "image/webp") return plan_webp(bytes, plan);
  return false;
}

// EXIF kept after cleaning; everything else goes — GPS, maker notes (serial numbers), owner,
// artist and copyright names, descriptions, camera and lens models, the embedded thumbnail.
// - Orientation: without it a phone photo shows sideways. Only the values 1–8.
// - DateTimeOriginal and OffsetTimeOriginal: when the photo was taken is evidence for a tip (the
//   offset is the phone's time zone: +07:00 for the whole of Viet Nam). Both are checked
//   character by character against their fixed formats, so no other text can ride in them.
// PNG keeps none: a PNG is a screenshot or an edited image far more often than a camera's photo,
// and its EXIF would need a text chunk, which the PNG filter drops.
bool digits(std::string_view s, std::initializer_list<int> at) {
  for (int i : at) {
    if (s[static_cast<std::size_t>(i)] < '0' || s[static_cast<std::size_t>(i)] > '9') return false;
  }
  return true;
}

Exiv2::ExifData whitelisted_exif(const Exiv2::ExifData& in) {
  Exiv2::ExifData out;
  if (auto it = in.findKey(Exiv2::ExifKey("Exif.Image.Orientation"));
      it != in.end() && it->typeId() == Exiv2::unsignedShort && it->count() == 1) {
    const long v = it->toLong();
    if (v >= 1 && v <= 8) out["Exif.Image.Orientation"] = static_cast<std::uint16_t>(v);
  }
  if (auto it = in.findKey(Exiv2::ExifKey("Exif.Photo.DateTimeOriginal")); it != in.end() && it->typeId() == Exiv2::asciiString) {
    const std::string s = it->toString();
    // "YYYY:MM:DD HH:MM:SS"
    if (s.size() == 19 && digits(s, {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) && s[4] == ':' && s[7] == ':' && s[10] == ' ' &&
        s[13] == ':' && s[16] == ':') {
      out["Exif.Photo.DateTimeOriginal"] = s;
    }
  }
  if (auto it = in.findKey(Exiv2::ExifKey("Exif.Photo.OffsetTimeOriginal")); it != in.end() && it->typeId() == Exiv2::asciiString) {
    const std::string s = it->toString();
    // "+HH:MM"
    if (s.size() == 6 && (s[0] == '+' || s[0] == '-') && digits(s, {1, 2, 4, 5}) && s[3] == ':') {
      out["Exif.Photo.OffsetTimeOriginal"] = s;
    }
  }
  return out;
}

// Opens the bytes with Exiv2 and checks that Exiv2 sees the type the first bytes claimed.
Exiv2::Image::AutoPtr open_as(std::string_view bytes, const MediaType& type) {
  auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(bytes.data()), static_cast<long>(bytes.size()));
  if (!image.get() || image->mimeType() != type.media_type) return Exiv2::Image::AutoPtr();
  image->readMetadata();
  if (image->pixelWidth() <= 0 || image->pixelHeight() <= 0) return Exiv2::Image::AutoPtr();
  return image;
}

}  // namespace

bool validate_image(const std::string& path, const MediaType& type) {
  init_exiv2();
  const Mapped in(path);
  if (!in.ok()) {
    log_refused(type, "read");
    return false;
  }
  try {
    if (!open_as(in.bytes(), type).get()) {
      log_refused(type, "exiv2_type");
      return false;
    }
  } catch (const std::exception& e) {
    // Exiv2::AnyError is a std::exception; a hostile file may also trip other failures inside
    // the parser. Either way the file is refused, and the reason logged.
    log::write(log::Level::debug, "exiv2 refused a file", {{"error", e.what()}});
    log_refused(type, "exiv2");
    return false;
  }
  Plan plan;
  if (!plan_for(type, in.bytes(), plan)) {
    log_refused(type, "structure");
    return false;
  }
  return true;
}

bool clean_image(const std::string& path, const MediaType& type) {
  init_exiv2();
  const Mapped in(path);
  if (!in.ok()) {
    log_refused(type, "read");
    return false;
  }
  // The structure is filtered before Exiv2 too: Exiv2 replaces only the one EXIF block it read,
  // so a second one (two Exif APP1 segments, two WebP EXIF chunks) would pass through it untouched.
  Plan first;
  if (!plan_for(type, in.bytes(), first)) {
    log_refused(type, "structure");
    return false;
  }
  std::string filtered;
  for (auto piece : first.pieces) filtered.append(piece);
  Exiv2::Image::AutoPtr image;
  Plan plan;
  try {
    image = open_as(filtered, type);
    if (!image.get()) {
      log_refused(type, "exiv2_type");
      return false;
    }
    Exiv2::ExifData kept = type.media_type == "image/png" ? Exiv2::ExifData() : whitelisted_exif(image->exifData());
    // Not clearMetadata(): it would drop the ICC profile too, and with it the photo's colours.
    image->clearExifData();
    image->clearIptcData();
    image->clearXmpPacket();
    image->clearXmpData();
    image->clearComment();
    image->setExifData(kept);
    image->writeXmpFromPacket(false);
    image->writeMetadata();
    // Exiv2 wrote to memory (the image was opened from bytes); its result is walked again.
    Exiv2::BasicIo& io = image->io();
    const Exiv2::byte* data = io.open() == 0 ? io.mmap() : nullptr;
    if (!data || !plan_for(type, std::string_view(reinterpret_cast<const char*>(data), static_cast<std::size_t>(io.size())), plan)) {
      log_refused(type, "structure");
      return false;
    }
  } catch (const std::exception& e) {
    // Exiv2::AnyError is a std::exception; a hostile file may also trip other failures inside
    // the parser. Either way the file is refused, and the reason logged.
    log::write(log::Level::debug, "exiv2 refused a file", {{"error", e.what()}});
    log_refused(type, "exiv2");
    return false;
  }
  // From here a failure is the server's (disk), not the file's: it is thrown, not refused.
  Replacement out(path);
  bool ok = out.ok();
  for (auto piece : plan.pieces) ok = ok && out.write(piece);
  if (!ok || !out.commit()) throw std::runtime_error("cannot write the cleaned image next to " + path);
  return true;
}

}  // namespace antq::media::detail
