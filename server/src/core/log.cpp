#include "core/log.hpp"

#include <boost/json/serialize.hpp>
#include <spdlog/async.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

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

void setup(std::string_view level) {
  auto logger = spdlog::stderr_logger_mt("antq");
  logger->set_pattern("%v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(std::string(level)));
  spdlog::flush_on(spdlog::level::warn);
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
