#pragma once
// Structured logs: one JSON object per line on standard error, through spdlog. Never put personal
// data (a tipster's identity, a person's name, query strings) into a log line.
#include <boost/json/object.hpp>

#include <string_view>

namespace antq::log {

enum class Level { debug, info, warn, error };

void setup(std::string_view level);  // "debug" | "info" | "warn" | "error" | "off"
bool enabled(Level level);
void write(Level level, std::string_view msg, boost::json::object fields = {});

inline void info(std::string_view msg, boost::json::object f = {}) { write(Level::info, msg, std::move(f)); }
inline void warn(std::string_view msg, boost::json::object f = {}) { write(Level::warn, msg, std::move(f)); }
inline void error(std::string_view msg, boost::json::object f = {}) { write(Level::error, msg, std::move(f)); }

}  // namespace antq::log
