#pragma once
// Thin helpers over libsodium. `init()` must run once before any other call (the app does it).
#include <optional>
#include <string>
#include <string_view>

namespace antq::crypto {

void init();
std::string random_bytes(std::size_t n);
std::string random_hex(std::size_t bytes);  // 2*bytes hex characters
std::string sha256_hex(std::string_view data);
std::string blake2b_hex(std::string_view data);  // 32-byte BLAKE2b, hex
// The same of a file's bytes, read in blocks (an upload of 25 MB is never held in memory).
// nullopt when the file cannot be read.
std::optional<std::string> blake2b_file_hex(const std::string& path);
std::string to_hex(std::string_view bytes);
// Constant-time comparison of secrets of equal length (false when the lengths differ).
bool equal(std::string_view a, std::string_view b);
// A readable password for generated accounts: letters and digits without look-alikes.
std::string generate_password(std::size_t length = 16);

}  // namespace antq::crypto
