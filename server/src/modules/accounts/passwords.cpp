#include "modules/accounts/passwords.hpp"

#include <sodium.h>

#include <set>
#include <sstream>

#include "core/errors.hpp"
#include "core/resources.hpp"
#include "core/text.hpp"

namespace antq::accounts {

namespace {
constexpr auto kOps = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr auto kMem = crypto_pwhash_MEMLIMIT_INTERACTIVE;

const std::set<std::string>& common_passwords() {
  static const std::set<std::string> words = [] {
    std::set<std::string> out;
    auto text = resources::find("data/common-passwords.txt");
    if (!text) return out;
    std::istringstream in{std::string(*text)};
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line[0] != '#') out.insert(line);
    }
    return out;
  }();
  return words;
}
}  // namespace

std::string hash_password(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), kOps, kMem) != 0) {
    throw std::runtime_error("Argon2id hashing ran out of memory");
  }
  return out;
}

bool verify_password(const std::string& hash, std::string_view password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool needs_rehash(const std::string& hash) { return crypto_pwhash_str_needs_rehash(hash.c_str(), kOps, kMem) != 0; }

namespace {
const std::string& dummy_hash() {
  static const std::string dummy = hash_password("antq-dummy-password-for-timing");
  return dummy;
}
}  // namespace

void prepare_dummy() { dummy_hash(); }

void verify_dummy(std::string_view password) { verify_password(dummy_hash(), password); }

void check_new_password(std::string_view username, std::string_view password, const char* field) {
  if (password.size() > kMaxPasswordBytes) throw BadRequest("Mật khẩu quá dài.", field);
  if (!text::valid_utf8(password)) throw BadRequest("Mật khẩu không phải văn bản UTF-8 hợp lệ.", field);
  if (text::length(password) < kMinPasswordLength) {
    throw BadRequest("Mật khẩu phải có ít nhất " + std::to_string(kMinPasswordLength) + " ký tự.", field);
  }
  std::string lower = text::fold(password);
  std::string compact;
  for (char c : lower) {
    if (c != ' ') compact.push_back(c);
  }
  if (common_passwords().count(compact) || common_passwords().count(lower)) {
    throw BadRequest("Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.", field);
  }
  if (!username.empty() && compact.find(text::fold(username)) != std::string::npos) {
    throw BadRequest("Mật khẩu không được chứa tên đăng nhập.", field);
  }
  if (std::all_of(password.begin(), password.end(), [&](char c) { return c == password[0]; })) {
    throw BadRequest("Mật khẩu không được chỉ gồm một ký tự lặp lại.", field);
  }
}

}  // namespace antq::accounts
