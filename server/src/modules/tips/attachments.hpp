#pragma once
// Photos and videos a reporter (or an officer) attaches to a tip. The type is decided by the
// file's first bytes, never by its name or the client's Content-Type; location metadata (EXIF/XMP
// GPS in images, the udta/meta boxes of MP4/QuickTime that carry it in videos) is removed unless
// the reporter asks to keep it. Files live under the attachments directory, outside the web
// root, named by a random id; only staff in scope can fetch them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace antq::tips {

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
inline constexpr int kMaxAttachmentsPerTip = 10;

}  // namespace antq::tips
