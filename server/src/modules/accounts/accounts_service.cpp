#include "modules/accounts/accounts_service.hpp"

#include <sodium.h>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "core/time.hpp"

namespace antq::accounts {

namespace {
constexpr const char* kExists = "SELECT 1 FROM users WHERE username = $1";
constexpr const char* kInsert =
    "INSERT INTO users (username, password_hash, role, unit_code, disabled, created_at, updated_at) "
    "VALUES ($1, $2, $3, NULL, 0, $4, $4)";
}  // namespace

std::string hash_password(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("Argon2id hashing ran out of memory");
  }
  return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool AccountsService::user_exists(const std::string& username) {
  return db_.read_value([&](db::Connection& c) { return !c.query(kExists, username).empty(); });
}

void AccountsService::create_admin(const std::string& password) {
  if (text::length(password) < kMinPasswordLength) {
    throw BadRequest("Mật khẩu phải có ít nhất " + std::to_string(kMinPasswordLength) + " ký tự.", "password");
  }
  const std::string hash = hash_password(password);
  db_.write([&](db::Connection& c) { c.query(kInsert, "admin", hash, "admin", timeutil::now_utc()); });
}

}  // namespace antq::accounts
