#include "modules/tips/proof_of_work.hpp"

#include <gtest/gtest.h>

#include "core/crypto.hpp"
#include "core/errors.hpp"

using namespace antq;
using namespace antq::tips;

namespace {
std::string solve(const std::string& token, int bits) {
  for (int n = 0;; ++n) {
    const std::string a = token + ":" + std::to_string(n);
    if (ProofOfWork::leading_zero_bits(a) >= bits) return a;
  }
}
}  // namespace

TEST(ProofOfWork, AcceptsASolvedTokenOnce) {
  crypto::init();
  const auto keys = crypto::Keyring::from_hex(crypto::random_hex(32));
  ProofOfWork pow(keys, 8);
  const auto ch = pow.issue();
  EXPECT_EQ(ch.bits, 8);
  const auto answer = solve(ch.token, 8);
  EXPECT_NO_THROW(pow.verify(answer));
  EXPECT_THROW(pow.verify(answer), BadRequest);  // replay
}

TEST(ProofOfWork, RefusesForgedUnsolvedOrExpiredTokens) {
  crypto::init();
  const auto keys = crypto::Keyring::from_hex(crypto::random_hex(32));
  ProofOfWork pow(keys, 12), expired(keys, 1, std::chrono::seconds(-1));
  EXPECT_THROW(pow.verify(""), BadRequest);
  EXPECT_THROW(pow.verify("garbage"), BadRequest);
  // A token signed with another key.
  const auto other = crypto::Keyring::from_hex(crypto::random_hex(32));
  ProofOfWork foreign(other, 1);
  EXPECT_THROW(pow.verify(solve(foreign.issue().token, 1)), BadRequest);
  // Lowering the difficulty inside the token breaks its signature.
  auto token = pow.issue().token;
  const auto d1 = token.find('.'), d2 = token.find('.', d1 + 1);
  token.replace(d1 + 1, d2 - d1 - 1, "0");
  EXPECT_THROW(pow.verify(token + ":1"), BadRequest);
  EXPECT_THROW(expired.verify(solve(expired.issue().token, 1)), BadRequest);
  // A nonce that does not reach the difficulty.
  const auto t = pow.issue().token;
  for (int n = 0; n < 50; ++n) {
    const std::string a = t + ":" + std::to_string(n);
    if (ProofOfWork::leading_zero_bits(a) < 12) {
      EXPECT_THROW(pow.verify(a), BadRequest);
      break;
    }
  }
}
