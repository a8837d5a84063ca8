#pragma once
// Vietnamese text helpers built on ICU: folding for diacritic-insensitive search and collation
// keys for Vietnamese alphabetical order.
#include <cstdint>
#include <string>
#include <string_view>

namespace antq::text {

// Lowercase, without diacritics, đ → d, runs of whitespace collapsed: "Xã Sơn  Tịnh" → "xa son tinh".
std::string fold(std::string_view utf8);
// 16000 → "16.000", −5 → "-5": numbers as Vietnamese readers write them.
std::string group_thousands(std::int64_t n);
// "Xã Sơn Tịnh" → "xã Sơn Tịnh", "Đặc khu …" → "đặc khu …": a unit's kind read mid-sentence.
std::string lower_initial(std::string s);

// A key whose byte order is Vietnamese alphabetical order (ICU collator "vi"), hex-encoded so it
// sorts the same as text in both SQLite and PostgreSQL (COLLATE "C").
std::string sort_key(std::string_view utf8);

// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates).
bool valid_utf8(std::string_view s);

// Unicode NFC normalisation (input from phones may arrive decomposed).
std::string nfc(std::string_view utf8);

// Number of Unicode code points.
std::size_t length(std::string_view utf8);

// Trims ASCII and Unicode whitespace at both ends.
std::string trim(std::string_view utf8);

}  // namespace antq::text
