#include "core/log.hpp"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <unistd.h>
#include <boost/json/serialize.hpp>

#include <mutex>

#include "core/time.hpp"

namespace antq::log {

namespace {
spdlog::level::level_enum to_spd(Level l) {
  switch (l) {
    case Level::debug: return spdlog::level::debug;
    case Level::info: return spdlog::level::info;
    case Level::warn: return spdlog::level::warn;
    default: return spdlog::level::err;
  }
}
const char* name(Level l) {
  switch (l) {
    case Level::debug: return "debug";
    case Level::info: return "info";
    case Level::warn: return "warn";
    default: return "error";
  }
}
}  // namespace

// Standard error, written in blocks: one write() per request line costs more than building the
// line. Lines are only ever written whole; warnings and errors, and once a second, flush.
class BufferedStderrSink final : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    buffer_.append(msg.payload.data(), msg.payload.size());
    buffer_.push_back('\n');
    if (buffer_.size() >= 64 * 1024) flush_();
  }
  void flush_() override {
    std::size_t done = 0;
    while (done < buffer_.size()) {
      const auto n = ::write(STDERR_FILENO, buffer_.data() + done, buffer_.size() - done);
      if (n <= 0) break;  // nowhere to log to: drop rather than block the server
      done += static_cast<std::size_t>(n);
    }
    buffer_.clear();
  }

 private:
  std::string buffer_;
};

void setup(std::string_view level) {
  auto logger = std::make_shared<spdlog::logger>("antq", std::make_shared<BufferedStderrSink>());
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(std::string(level)));
  spdlog::flush_on(spdlog::level::warn);
  spdlog::flush_every(std::chrono::seconds(1));
}

void flush() { spdlog::default_logger_raw()->flush(); }

void write_line(Level level, std::string_view json_line) {
  auto* logger = spdlog::default_logger_raw();
  if (logger->should_log(to_spd(level))) logger->log(to_spd(level), "{}", json_line);
}

void append_json_escaped(std::string& out, std::string_view s) {
  static const char* hex = "0123456789abcdef";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(hex[c >> 4]);
          out.push_back(hex[c & 0xf]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
}

bool enabled(Level level) { return spdlog::default_logger_raw()->should_log(to_spd(level)); }

void write(Level level, std::string_view msg, boost::json::object fields) {
  auto* logger = spdlog::default_logger_raw();
  if (!logger->should_log(to_spd(level))) return;
  boost::json::object line;
  line["ts"] = timeutil::now_utc();
  line["level"] = name(level);
  line["msg"] = msg;
  for (auto& kv : fields) line[kv.key()] = std::move(kv.value());
  logger->log(to_spd(level), "{}", boost::json::serialize(line));
}

}  // namespace antq::log
