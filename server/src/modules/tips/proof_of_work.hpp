#pragma once
// A light proof of work in front of the public form, instead of a third-party captcha (networks
// may be closed): the browser finds a nonce such that SHA-256(token ":" nonce) starts with `bits`
// zero bits (2^bits hashes on average: a second or two on a cheap phone, real cost for a flood).
// Tokens are stateless (expiry and random part, signed with the data key); each is accepted once,
// on whichever instance.
#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "core/keyring.hpp"
#include "core/rate_limiter.hpp"

namespace antq::tips {

struct Challenge {
  std::string token;
  int bits = 0;
  int expires_in = 0;  // seconds
};

class ProofOfWork {
 public:
  // `counts` remembers the spent tokens (shared by the instances on PostgreSQL; null: this process).
  ProofOfWork(const crypto::Keyring& keys, int bits, std::chrono::seconds ttl = std::chrono::minutes(10),
              std::shared_ptr<WindowCounts> counts = nullptr);
  // `extra_bits` on top of the configured difficulty (a flooded unit).
  Challenge issue(int extra_bits = 0) const;
  // `answer` is "token:nonce" from the X-Challenge header. Throws BadRequest (challenge_required
  // when missing, challenge_failed when wrong, expired or already used). Returns the token's bits.
  int verify(std::string_view answer);
  int bits() const { return bits_; }

  // Leading zero bits of SHA-256(data): exposed for tests and the benchmark client.
  static int leading_zero_bits(std::string_view data);

 private:
  std::string sign(std::string_view body) const;

  const crypto::Keyring& keys_;
  int bits_;
  std::chrono::seconds ttl_;
  std::shared_ptr<WindowCounts> spent_;  // token → uses while it is valid
};

}  // namespace antq::tips
