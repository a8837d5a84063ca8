#pragma once
// The language of the `antq` command line: Vietnamese, or English when the locale says so
// (LC_ALL, else LC_MESSAGES, else LANG starting with "en"). Help texts are written in both; CLI11's
// own words (Usage, Options, REQUIRED, TEXT …) and its parse errors are translated here, because
// CLI11 2.1 has no catalogue of its own: a formatter with Vietnamese labels and a failure message
// that rewrites its English errors. Commands, flags and exit codes are the same in both languages.
#include <CLI/CLI.hpp>

#include <string>

namespace antq::app::cli_text {

enum class Lang { vi, en };

// From the three variables as the C library reads them (the first one set wins; null or "" = unset).
Lang language_from(const char* lc_all, const char* lc_messages, const char* lang);
Lang language_from_environment();

// The text of `lang`.
inline std::string pick(Lang lang, const char* vi, const char* en) { return lang == Lang::en ? en : vi; }

// Labels, group names, the help flag and the failure message of `app` in `lang`. Call it before
// adding options and subcommands (they inherit it), and `finish` once every subcommand exists.
void localize(CLI::App& app, Lang lang);
void finish(CLI::App& app, Lang lang);

// CLI11's parse error as said in `lang`, with the hint to --help of the command being parsed.
// `app` is the program (the root of the command tree).
std::string failure_message(const CLI::App& app, const CLI::Error& e, Lang lang);

}  // namespace antq::app::cli_text
