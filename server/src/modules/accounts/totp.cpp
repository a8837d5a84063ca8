#include "modules/accounts/totp.hpp"

#include <liboath/oath.h>

#include <cstdlib>
#include <stdexcept>

#include "core/crypto.hpp"

namespace antq::accounts::totp {

namespace {
struct OathInit {
  OathInit() {
    if (oath_init() != OATH_OK) throw std::runtime_error("liboath failed to initialise");
  }
};
void ensure_init() { static OathInit once; }

std::string decode(const std::string& b32) {
  ensure_init();
  char* out = nullptr;
  size_t len = 0;
  if (oath_base32_decode(b32.data(), b32.size(), &out, &len) != OATH_OK) throw std::invalid_argument("bad base32");
  std::string s(out, len);
  std::free(out);
  return s;
}

std::string percent_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}
}  // namespace

std::string new_secret_base32() {
  ensure_init();
  const std::string raw = crypto::random_bytes(20);
  char* out = nullptr;
  size_t len = 0;
  if (oath_base32_encode(raw.data(), raw.size(), &out, &len) != OATH_OK) throw std::runtime_error("base32 failed");
  std::string s(out, len);
  std::free(out);
  while (!s.empty() && s.back() == '=') s.pop_back();
  return s;
}

std::string otpauth_uri(const std::string& secret, const std::string& username, const std::string& issuer) {
  return "otpauth://totp/" + percent_encode(issuer) + ":" + percent_encode(username) + "?secret=" + secret +
         "&issuer=" + percent_encode(issuer) + "&algorithm=SHA1&digits=6&period=30";
}

std::optional<std::int64_t> verify(const std::string& secret, const std::string& code, std::int64_t now) {
  if (code.size() != 6 || code.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  std::string key;
  try {
    key = decode(secret);
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
  int pos = 0;
  const int rc = oath_totp_validate2(key.data(), key.size(), static_cast<time_t>(now), OATH_TOTP_DEFAULT_TIME_STEP_SIZE,
                                     OATH_TOTP_DEFAULT_START_TIME, 1, &pos, code.c_str());
  if (rc < 0) return std::nullopt;
  return now / OATH_TOTP_DEFAULT_TIME_STEP_SIZE + pos;
}

std::string code_at(const std::string& secret, std::int64_t t) {
  const std::string key = decode(secret);
  char out[7] = {0};
  oath_totp_generate(key.data(), key.size(), static_cast<time_t>(t), OATH_TOTP_DEFAULT_TIME_STEP_SIZE, OATH_TOTP_DEFAULT_START_TIME, 6,
                     out);
  return out;
}

}  // namespace antq::accounts::totp
