#pragma once
// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30 s steps) through liboath, as
// every authenticator app expects.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace antq::accounts::totp {

// The keyring purpose the secrets are sealed under (in users.totp_secret and totp_pending).
inline constexpr std::string_view kSecretPurpose = "totp-secret";

std::string new_secret_base32();  // 160 random bits
std::string otpauth_uri(const std::string& secret_base32, const std::string& username, const std::string& issuer);
// The time step the code belongs to (±1 step of clock drift), or nullopt when wrong.
std::optional<std::int64_t> verify(const std::string& secret_base32, const std::string& code, std::int64_t now_unix);
// The code for a time (tests and tools).
std::string code_at(const std::string& secret_base32, std::int64_t unix_time);

}  // namespace antq::accounts::totp
