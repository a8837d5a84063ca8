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
// A line that is already one JSON object (the per-request line, built without a DOM: it is on
// every request's path).
void write_line(Level level, std::string_view json_line);
// Writes out what is buffered (at exit; warnings and errors are written at once anyway).
void flush();
// `s` as the inside of a JSON string literal.
void append_json_escaped(std::string& out, std::string_view s);

inline void info(std::string_view msg, boost::json::object f = {}) { write(Level::info, msg, std::move(f)); }
inline void warn(std::string_view msg, boost::json::object f = {}) { write(Level::warn, msg, std::move(f)); }
inline void error(std::string_view msg, boost::json::object f = {}) { write(Level::error, msg, std::move(f)); }

}  // namespace antq::log
