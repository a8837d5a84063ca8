#include "modules/tips/proof_of_work.hpp"

#include <sodium.h>

#include <charconv>

#include "core/crypto.hpp"
#include "core/errors.hpp"

namespace antq::tips {

namespace {
std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}
BadRequest failed() {
  return BadRequest("Mã kiểm tra chống gửi tự động không đúng hoặc đã hết hạn, vui lòng gửi lại.", {}, "challenge_failed");
}
}  // namespace

ProofOfWork::ProofOfWork(const crypto::Keyring& keys, int bits, std::chrono::seconds ttl, std::shared_ptr<WindowCounts> counts)
    : keys_(keys), bits_(bits), ttl_(ttl), spent_(std::move(counts)) {
  if (!spent_) spent_ = std::make_shared<MemoryWindowCounts>();
}

std::string ProofOfWork::sign(std::string_view body) const { return keys_.keyed_hash(body, "pow-challenge").substr(0, 32); }

Challenge ProofOfWork::issue(int extra_bits) const {
  const int bits = bits_ + std::max(0, extra_bits);
  const std::string body = std::to_string(unix_now() + ttl_.count()) + "." + std::to_string(bits) + "." + crypto::random_hex(12);
  return {body + "." + sign(body), bits, static_cast<int>(ttl_.count())};
}

int ProofOfWork::leading_zero_bits(std::string_view data) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  int n = 0;
  for (unsigned char byte : h) {
    if (byte == 0) {
      n += 8;
      continue;
    }
    for (int b = 7; b >= 0 && !(byte & (1u << b)); --b) ++n;
    break;
  }
  return n;
}

int ProofOfWork::verify(std::string_view answer) {
  if (answer.empty()) {
    throw BadRequest("Thiếu mã kiểm tra chống gửi tự động (X-Challenge).", {}, "challenge_required");
  }
  if (answer.size() > 200) throw failed();
  const auto colon = answer.rfind(':');
  if (colon == std::string_view::npos) throw failed();
  const std::string_view token = answer.substr(0, colon), nonce = answer.substr(colon + 1);
  if (nonce.empty() || nonce.size() > 20) throw failed();
  for (char c : nonce)
    if (c < '0' || c > '9') throw failed();
  // token = expiry "." bits "." random "." signature
  const auto sig_dot = token.rfind('.');
  if (sig_dot == std::string_view::npos) throw failed();
  const std::string_view body = token.substr(0, sig_dot);
  if (token.size() - sig_dot - 1 != 32 || sodium_memcmp(sign(body).data(), token.substr(sig_dot + 1).data(), 32) != 0) {
    throw failed();
  }
  std::int64_t expiry = 0;
  int bits = 0;
  const auto d1 = body.find('.');
  const auto d2 = body.find('.', d1 + 1);
  if (d1 == std::string_view::npos || d2 == std::string_view::npos) throw failed();
  std::from_chars(body.data(), body.data() + d1, expiry);
  std::from_chars(body.data() + d1 + 1, body.data() + d2, bits);
  const std::int64_t now = unix_now();
  if (expiry < now) throw failed();
  if (leading_zero_bits(answer) < bits) throw failed();
  // Spent tokens are remembered until they expire, in the counts every instance shares.
  if (spent_->add(std::string(token), std::chrono::seconds(expiry - now + 1)).hits > 1) throw failed();
  return bits;
}

}  // namespace antq::tips
