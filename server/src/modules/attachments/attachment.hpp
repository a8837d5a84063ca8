#pragma once
// A file attached to something: a tip, a register record, an evaluation (next: news, imports).
// One table holds them all, told apart by the owner's name (attachments_repository.hpp).
#include <cstdint>
#include <optional>
#include <string>

namespace antq::attachments {

struct Attachment {
  std::int64_t id = 0;
  std::int64_t owner_id = 0;  // the tip, record or evaluation
  std::string part;           // what the file is for inside its owner ("" or a criterion)
  std::string at;
  std::optional<std::string> uploaded_by;  // nullopt: a tip's reporter
  std::string kind, media_type;            // "image" | "video", "image/jpeg"…
  std::int64_t size = 0;
  std::string sha256, stored_name;  // stored_name: relative to the owner's directory
  bool location_removed = true;
};

// One attachment as a download: where it is on disk, its type, the name the browser saves it as.
struct StoredFile {
  std::string path, media_type, download_name;
};

}  // namespace antq::attachments
