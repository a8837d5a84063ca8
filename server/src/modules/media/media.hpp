#pragma once
// Photos and videos attached to records (a tip, an activity). The type is decided by the
// file's first bytes, never by its name or the client's Content-Type; location metadata (EXIF/XMP
// GPS in images, the udta/meta boxes of MP4/QuickTime that carry it in videos) is removed unless
// the reporter asks to keep it. Files live under the attachments directory, outside the web
// root, named by a random id; only staff in scope can fetch them.
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

// Removes location metadata in place. Returns false when the file could not be parsed (the
// caller refuses it: a file we cannot clean must not be stored as cleaned).
bool strip_location(const std::string& path, const MediaType& type);

inline constexpr std::size_t kMaxAttachmentBytes = 25u << 20;
inline constexpr int kMaxAttachmentsPerRecord = 10;

struct StoredMedia {
  std::string kind, media_type, sha256, stored_name;  // stored_name: relative to the root
  std::int64_t size = 0;
  bool location_removed = true;
};

// Checks an upload's streamed file (type by content, location removed unless kept), then moves it
// under `root`/YYYY/MM/ with a random name. Throws ApiError 400 (empty), 415 (not an accepted or
// readable photo/video). The caller records it, and removes `root`/stored_name if that fails.
StoredMedia store_upload(const std::string& upload_path, const std::string& root, bool keep_location);
void remove_stored(const std::string& root, const std::string& stored_name);
// The extension for a download name ("jpeg", "mov"…).
std::string extension(const std::string& media_type);

}  // namespace antq::media
