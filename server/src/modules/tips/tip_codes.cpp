#include "modules/tips/tip_codes.hpp"

#include "core/crypto.hpp"

namespace antq::tips {

namespace {

std::string grouped(const std::string& symbols, std::size_t group) {
  std::string out;
  for (std::size_t i = 0; i < symbols.size(); ++i) {
    if (i > 0 && i % group == 0) out += '-';
    out += symbols[i];
  }
  return out;
}

std::string random_symbols(std::size_t n) {
  // One random byte per symbol, low 5 bits: 256 is a multiple of 32, so every symbol is equally likely.
  const std::string bytes = crypto::random_bytes(n);
  std::string out(n, ' ');
  for (std::size_t i = 0; i < n; ++i) out[i] = kCodeAlphabet[static_cast<unsigned char>(bytes[i]) & 31u];
  return out;
}

std::optional<std::string> normalize(std::string_view typed, std::size_t symbols, std::size_t group) {
  std::string s;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (kCodeAlphabet.find(c) == std::string_view::npos) return std::nullopt;
    s += c;
    if (s.size() > symbols) return std::nullopt;
  }
  if (s.size() != symbols) return std::nullopt;
  return grouped(s, group);
}

}  // namespace

std::string new_tracking_code() { return grouped(random_symbols(kTrackingSymbols), 4); }
std::string new_secret() { return grouped(random_symbols(kSecretSymbols), 5); }
std::optional<std::string> normalize_tracking_code(std::string_view typed) { return normalize(typed, kTrackingSymbols, 4); }
std::optional<std::string> normalize_secret(std::string_view typed) { return normalize(typed, kSecretSymbols, 5); }

}  // namespace antq::tips
