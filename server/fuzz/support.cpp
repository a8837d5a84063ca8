#include "support.hpp"

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <system_error>

#include "core/log.hpp"

namespace antq::fuzz {

namespace {
std::filesystem::path make_scratch() {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path base = fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
  if (const char* t = std::getenv("ANTQ_FUZZ_TMP")) base = t;
  fs::path dir = base / ("antq-fuzz-" + std::to_string(::getpid()));
  fs::remove_all(dir, ec);
  fs::create_directories(dir);
  return dir;
}

// Removed at a normal exit (end of -max_total_time, -runs); a crash leaves it for inspection.
struct Scratch {
  std::filesystem::path dir = make_scratch();
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};
}  // namespace

const std::filesystem::path& scratch_dir() {
  static Scratch s;
  return s.dir;
}

std::string escaped(std::string_view s, std::size_t max_bytes) {
  std::string out;
  for (std::size_t i = 0; i < s.size() && i < max_bytes; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n') {
      out += "\\n\n";
    } else if (c >= 0x20 && c < 0x7f && c != '\\') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  if (s.size() > max_bytes) out += "…(" + std::to_string(s.size()) + " bytes)";
  return out;
}

void finding(std::string_view what, std::string_view input) {
  std::fprintf(stderr, "\n==== ANTQ FUZZ FINDING: %.*s\n---- input (%zu bytes):\n%s\n----\n", static_cast<int>(what.size()), what.data(),
               input.size(), escaped(input).c_str());
  log::flush();
  std::abort();
}

void quiet_logs() {
  // ANTQ_FUZZ_LOG_LEVEL=info (or debug) when rerunning a reproducer, to see why a file or a
  // request was refused.
  const char* level = std::getenv("ANTQ_FUZZ_LOG_LEVEL");
  log::setup(level ? level : "error");
}

}  // namespace antq::fuzz
