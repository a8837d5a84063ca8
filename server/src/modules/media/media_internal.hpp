#pragma once
// Shared by media.cpp (the API), media_image.cpp (Exiv2 and the image structure filters) and
// media_video.cpp (the libavformat remux). Not for other modules: they use media.hpp.
#include <string>
#include <string_view>

#include "modules/media/media.hpp"

namespace antq::media::detail {

bool clean_image(const std::string& path, const MediaType& type);
bool validate_image(const std::string& path, const MediaType& type);
bool clean_video(const std::string& path, const MediaType& type);
bool validate_video(const std::string& path, const MediaType& type);

// Why a file was refused, as one log line: a fixed stage name and the media type, never the
// library's own message (it can quote bytes of the file) — those go to the debug log.
void log_refused(const MediaType& type, std::string_view stage);

// The cleaned file is written next to the original and renamed over it, so a crash leaves the
// old file or the new one, never half of one; the temporary file is removed unless committed.
class Replacement {
 public:
  explicit Replacement(const std::string& target);
  ~Replacement();
  Replacement(const Replacement&) = delete;
  Replacement& operator=(const Replacement&) = delete;

  bool ok() const { return fd_ >= 0; }
  int fd() const { return fd_; }
  bool write(std::string_view bytes);
  // fsync, rename over the target, fsync the directory.
  bool commit();

 private:
  std::string target_, temp_;
  int fd_ = -1;
  bool committed_ = false;
};

}  // namespace antq::media::detail
