#include "support/log_capture.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/log.hpp"

namespace antq::test {

LogCapture::LogCapture() {
  static int n = 0;
  path_ =
      (std::filesystem::temp_directory_path() / ("antq-log-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".txt")).string();
  std::fflush(stderr);
  saved_ = ::dup(2);
  const int fd = ::open(path_.c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0600);
  if (fd < 0 || saved_ < 0) throw std::runtime_error("log capture: cannot open " + path_);
  ::dup2(fd, 2);
  ::close(fd);
  log::setup("debug");  // everything the server would ever write
}

std::string LogCapture::stop() {
  if (saved_ < 0) return {};
  log::flush();
  std::fflush(stderr);
  ::dup2(saved_, 2);
  ::close(saved_);
  saved_ = -1;
  const char* level = std::getenv("ANTQ_TEST_LOG_LEVEL");
  log::setup(level ? level : "off");
  std::ifstream in(path_, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::filesystem::remove(path_);
  return ss.str();
}

LogCapture::~LogCapture() { stop(); }

}  // namespace antq::test
