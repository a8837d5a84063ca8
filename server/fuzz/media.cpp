// Photos and videos (modules/media): the type sniffer, validate_media, the location cleaner (Exiv2
// and a segment/chunk filter for JPEG, PNG and WebP; a libavformat remux for MP4/MOV/3GP/WebM) and
// check_upload, the one entry point every upload route uses, on whatever bytes a client sends as a
// file. A file that cannot be cleaned must be refused with a 4xx (415), never crash the server or
// come out as a 500; an image the cleaner accepted must no longer carry GPS metadata when Exiv2
// reads it back; and whatever the cleaner wrote must itself sniff and validate as an accepted type.
#include <exiv2/exiv2.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "core/errors.hpp"
#include "modules/media/media.hpp"
#include "support.hpp"

using namespace antq;
namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& p, std::string_view content) { std::ofstream(p, std::ios::binary | std::ios::trunc) << content; }

// What a reader of the stored file would still find (Exiv2's view: EXIF GPS IFD, XMP GPS and
// location keys). Exiv2 failing to read the cleaned file is not a leak: the file was written by it.
std::string gps_left(const std::string& path) {
  try {
    auto image = Exiv2::ImageFactory::open(path);
    if (!image.get()) return {};
    image->readMetadata();
    for (const auto& d : image->exifData()) {
      if (d.groupName() == "GPSInfo") return d.key();
    }
    for (const auto& d : image->xmpData()) {
      if (d.key().find("GPS") != std::string::npos) return d.key();
    }
  } catch (const std::exception&) {
    // Not readable again: nothing for a reader to find either.
  }
  return {};
}

bool check_open() {
  static const bool on = [] {
    const char* v = std::getenv("ANTQ_FUZZ_OPEN");
    return v && std::string_view(v) == "1";
  }();
  return on;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::quiet_logs();
  Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const fs::path dir = fuzz::scratch_dir();
  const auto type = media::sniff_media(input.substr(0, 64));
  if (type) {
    if (type->kind != "image" && type->kind != "video") fuzz::finding("sniff_media: unknown kind " + type->kind, input);
    (void)media::extension(type->media_type);
    const fs::path file = dir / "clean.bin";
    write_file(file, input);
    bool valid = false;
    try {
      valid = media::validate_media(file.string(), *type);
    } catch (const std::exception& e) {
      fuzz::finding(std::string("validate_media threw: ") + e.what(), input);
    }
    bool cleaned = false;
    try {
      cleaned = media::strip_location(file.string(), *type);
    } catch (const std::exception& e) {
      fuzz::finding(std::string("strip_location threw: ") + e.what(), input);
    }
    if (cleaned) {
      if (type->kind == "image") {
        if (const auto key = gps_left(file.string()); !key.empty()) fuzz::finding("location left after cleaning: " + key, input);
      }
      // What the cleaner wrote is what gets stored: it must read as an accepted type itself.
      // Reported to the media module's owners and not fixed yet (server/fuzz/open/, decision
      // 0010 "Open findings"): checked only with ANTQ_FUZZ_OPEN=1 so that `make fuzz` and the
      // `make test` smoke stay green for everyone else meanwhile.
      if (check_open()) {
        std::string head(64, '\0');
        {
          std::ifstream in(file, std::ios::binary);
          in.read(head.data(), static_cast<std::streamsize>(head.size()));
          head.resize(static_cast<std::size_t>(in.gcount()));
        }
        const auto after = media::sniff_media(head);
        if (!after) fuzz::finding("cleaned file is no longer an accepted type", input);
        try {
          if (!media::validate_media(file.string(), *after)) {
            fuzz::finding("cleaned file does not validate as " + after->media_type +
                              (valid ? " (the original did)" : " (nor did the original, which the cleaner accepted)"),
                          input);
          }
        } catch (const std::exception& e) {
          fuzz::finding(std::string("validate_media threw on a cleaned file: ") + e.what(), input);
        }
      }
    }
  }
  // The upload path as the routes call it (type check and cleaning in place), keeping and not
  // keeping the location.
  for (const bool keep : {false, true}) {
    const fs::path upload = dir / "upload.part";
    write_file(upload, input);
    ANTQ_FUZZ_CLIENT_ERROR_OK((void)media::check_upload(upload.string(), keep), input);
    std::error_code ec;
    fs::remove(upload, ec);
  }
  return 0;
}
