#pragma once
// Password hashing (libsodium Argon2id) and the policy for new passwords.
#include <string>
#include <string_view>

namespace antq::accounts {

constexpr std::size_t kMinPasswordLength = 10;
constexpr std::size_t kMaxPasswordBytes = 1024;

// Argon2id with libsodium's "interactive" limits (64 MiB, 2 passes), above OWASP's minimum
// (19 MiB, 2 passes). Changing them makes needs_rehash() true for older hashes.
std::string hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);
bool needs_rehash(const std::string& hash);
// Spends the time of a real verification, so an unknown username answers as slowly as a wrong
// password.
void verify_dummy(std::string_view password);
// Computes the dummy hash ahead of time (at start-up), so not even the first unknown name is slower.
void prepare_dummy();

// Throws BadRequest (field `field`) for a password that is too short, too long, common, or the
// username itself.
void check_new_password(std::string_view username, std::string_view password, const char* field);

}  // namespace antq::accounts
