#pragma once
// What a reporter keeps to follow a tip: a tracking code to read aloud over the phone and a
// secret that proves it is theirs. Both use an alphabet without look-alikes (no 0/O, no 1/I).
#include <optional>
#include <string>
#include <string_view>

namespace antq::tips {

inline constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";  // 32 symbols, 5 bits each
inline constexpr std::size_t kTrackingSymbols = 8;                                     // 40 bits: "7KQM-X4TB"
inline constexpr std::size_t kSecretSymbols = 20;  // 100 bits, shown as four dash-separated groups of five

std::string new_tracking_code();
std::string new_secret();
// What a person typed (any case, with or without dashes and spaces) → the canonical grouped form,
// or nullopt when it cannot be a code of that length.
std::optional<std::string> normalize_tracking_code(std::string_view typed);
std::optional<std::string> normalize_secret(std::string_view typed);

}  // namespace antq::tips
