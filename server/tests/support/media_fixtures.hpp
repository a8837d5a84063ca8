#pragma once
// Photo and video files built by the tests themselves: real containers of real sizes (a 12 MB photo,
// a 24 MiB video) for upload and cleaning tests, without binary fixtures in the repository.
#include <cstddef>
#include <map>
#include <string>

namespace antq::test {

// A baseline JPEG (libjpeg, 4:2:0) of coloured random noise: decodable by any viewer, and noise
// does not compress, so the size is predictable. Deterministic for a given seed.
// Measured: write_noise_jpeg(path, 4000, 3000, 1, 93) — a 12-megapixel phone photo — gives
// 12,330,539 bytes (11–13 MB) in ≈0.3 s; quality 94 gives 13.1 MB, 92 gives 11.7 MB.
void write_noise_jpeg(const std::string& path, int width, int height, unsigned seed, int quality);

// Writes into an image file (JPEG, PNG) the EXIF a phone adds: a GPS position (Quảng Ngãi) and
// the camera's make (exiv2, in place).
void add_gps(const std::string& path);
// Whether an image's EXIF holds any GPS field.
bool has_gps(const std::string& bytes);

// An MP4 (libavformat's mp4 muxer: ftyp, mdat, moov) with a 1280×720 H.264 video track (a real
// avcC: SPS and PPS) at 30 frames/s and an AAC-LC 48 kHz stereo track. The packets are random
// bytes (no encoding: a remux or an upload never decodes them), so the container is valid and
// demuxable and the file is written at disk speed. approx_bytes is met within ~1%; 24 MiB is ≈15 s of video.
// with_location adds what phones write: container metadata `location` (moov/udta/©xyz
// "+15.1234+108.8000/") and a top-level udta box after moov with the same ©xyz.
void write_mp4(const std::string& path, std::size_t approx_bytes, bool with_location);

// The general builder behind write_mp4, for tests that need other containers or traps.
struct VideoSpec {
  std::string muxer = "mp4";  // "mp4", "mov", "3gp" (H.264 + AAC); "webm", "matroska" (VP8 only)
  std::size_t approx_bytes = 64 << 10;
  bool audio = true;                                  // AAC (not for webm)
  std::map<std::string, std::string> metadata;        // container metadata
  std::map<std::string, std::string> video_metadata;  // stream metadata of the video track
  std::map<std::string, std::string> muxer_options;   // e.g. {"movflags", "use_metadata_tags"}
  std::string subtitle_text;                          // non-empty: a subtitle track (mov_text / WebVTT) carrying it
  std::string data_payload;                           // non-empty: a timed-metadata track ('gpmd', mov/mp4 only) carrying it
  double rotation_degrees = 0;                        // non-zero: a display matrix on the video track
};
void write_video(const std::string& path, const VideoSpec& spec);

// Appends a top-level ISO BMFF box (size, type, payload) at the end of a file.
void append_box(const std::string& path, const std::string& type, const std::string& payload);
// A udta box payload holding one ©xyz (QuickTime international text) with `text`.
std::string xyz_udta_payload(const std::string& text);

}  // namespace antq::test
