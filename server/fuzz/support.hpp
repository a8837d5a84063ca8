#pragma once
// What every fuzz target shares: where scratch files go, how a finding is reported, and the one
// rule for errors (a client error is a 4xx ApiError; anything else escaping is a finding).
#include <filesystem>
#include <string>
#include <string_view>

namespace antq::fuzz {

// A fresh directory for this process's files, on tmpfs when there is one (fsync-heavy SQLite and
// the media cleaner stay fast), removed at exit.
const std::filesystem::path& scratch_dir();

// Prints what went wrong and the input that caused it (escaped), then aborts: libFuzzer saves the
// input as crash-<sha1> and the run fails.
[[noreturn]] void finding(std::string_view what, std::string_view input);

// `s` with bytes outside printable ASCII written as \xNN (for the reports above).
std::string escaped(std::string_view s, std::size_t max_bytes = 4096);

// Server logs: errors only (a 500's cause), not one line per request; ANTQ_FUZZ_LOG_LEVEL overrides.
void quiet_logs();

}  // namespace antq::fuzz

// Checks that an ApiError escaping `expr` is a client error, and lets nothing else escape (a
// std::exception other than ApiError would be a 500 in the server).
#define ANTQ_FUZZ_CLIENT_ERROR_OK(expr, input)                                                          \
  do {                                                                                                  \
    try {                                                                                               \
      expr;                                                                                             \
    } catch (const ::antq::ApiError& e_) {                                                              \
      if (e_.status() < 400 || e_.status() > 499)                                                       \
        ::antq::fuzz::finding(std::string("non-4xx ApiError from ") + #expr + ": " + e_.what(), input); \
    } catch (const std::exception& e_) {                                                                \
      ::antq::fuzz::finding(std::string("exception from ") + #expr + ": " + e_.what(), input);          \
    }                                                                                                   \
  } while (0)
