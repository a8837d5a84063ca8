#pragma once
// Photos and videos attached to records (a tip, an activity). The type is decided by the
// file's first bytes, never by its name or the client's Content-Type, and the file must then read
// as that type. Unless the reporter asks to keep it, metadata that can name a place or a person is
// removed: photos keep only Orientation and the capture time (Exiv2, then a filter of the file's
// segments/chunks); videos are remuxed by libavformat into a new file holding only the audio and
// video packets (docs/decisions/0009-media-cleaning.md). Files live under the attachments
// directory, outside the web root, named by a random id; only staff in scope can fetch them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace antq::media {

struct MediaType {
  std::string kind;        // "image" | "video"
  std::string media_type;  // "image/jpeg", …
};

// From the first bytes of a file (at least 32); nullopt for anything not accepted.
std::optional<MediaType> sniff_media(std::string_view head);

// Removes location (and identifying) metadata: the file at `path` is replaced by a cleaned copy
// (written next to it, fsynced, renamed over it). Returns false when the file could not be read
// as `type` (the caller refuses it: a file we cannot clean must not be stored as cleaned); throws
// when the disk fails. Bounded: a video gets 20 s and at most 32 streams.
bool strip_location(const std::string& path, const MediaType& type);

// Whether the file reads as what its sniffed type claims (Exiv2 and the segment/chunk structure
// for photos, complete to the end; libavformat probing the expected container, with an audio or
// video stream, for videos), without changing it. For uploads kept with their location.
bool validate_media(const std::string& path, const MediaType& type);

inline constexpr std::size_t kMaxAttachmentBytes = 25u << 20;
inline constexpr int kMaxAttachmentsPerRecord = 10;

struct CheckedMedia {
  std::string kind, media_type, sha256;  // of the bytes as they will be kept (after cleaning)
  std::int64_t size = 0;
  bool location_removed = true;
};

// Checks an upload's streamed file in place (type by content, readable as that type, location
// removed unless kept; the type is that of the cleaned bytes), readable by the server only and
// synced to disk, ready for an attachments::FileStore to keep. Throws ApiError 400 (empty), 415
// (not an accepted or readable photo/video), StorageFull when cleaning found no room.
CheckedMedia check_upload(const std::string& upload_path, bool keep_location);
// The extension for a download name ("jpeg", "mov"…).
std::string extension(const std::string& media_type);

}  // namespace antq::media
