#include "modules/tips/tip_admission.hpp"

#include <algorithm>
#include <limits>

#include "core/client_address.hpp"
#include "core/errors.hpp"

namespace antq::tips {

namespace {
TooManyRequests too_many(int retry_after) { return TooManyRequests("Bạn đã gửi quá nhiều yêu cầu; vui lòng thử lại sau.", retry_after); }
}  // namespace

Admission::Admission(const crypto::Keyring& keys, const AdmissionOptions& o)
    : options_(o),
      per_address_(o.rate_limit ? o.tips_per_hour_per_address : 0, std::chrono::hours(1), o.windows, "tips"),
      follow_ups_(o.rate_limit ? o.follow_ups_per_hour_per_address : 0, std::chrono::hours(1), o.windows, "tip-follow-ups"),
      per_unit_(std::chrono::hours(1), o.windows, "tips-per-unit") {
  if (o.challenge) pow_ = std::make_unique<ProofOfWork>(keys, o.challenge_bits, std::chrono::minutes(10), o.windows);
}

// Two more bits (four times the work) each time a unit's hourly count passes another multiple of
// its threshold, at most four more: a cheap phone still solves it in seconds, a flood of
// thousands pays thousands of times that.
int Admission::extra_bits(const std::string& unit_code) const {
  const int threshold = options_.tips_per_hour_per_unit;
  if (!options_.rate_limit || threshold <= 0) return 0;
  const int n = per_unit_.current(unit_code);
  if (n < threshold) return 0;
  return std::min(4, 2 * (n / threshold));
}

std::optional<Challenge> Admission::challenge(const std::optional<std::string>& unit_code) {
  if (!pow_) return std::nullopt;
  return pow_->issue(unit_code ? extra_bits(*unit_code) : 0);
}

int Admission::admit_tip(const std::string& client_ip, std::string_view answer) {
  if (per_address_.enabled()) {
    if (int wait = per_address_.acquire(net::client_key(client_ip))) throw too_many(wait);
  }
  return pow_ ? pow_->verify(answer) : std::numeric_limits<int>::max();
}

void Admission::admit_follow_up(const std::string& client_ip) {
  if (follow_ups_.enabled()) {
    if (int wait = follow_ups_.acquire(net::client_key(client_ip))) throw too_many(wait);
  }
}

bool Admission::admit_for_unit(const std::string& unit_code, int proven_bits) {
  // A unit under a flood is never closed to its citizens: the work asked grows, and what arrives
  // past the threshold is kept but held for an officer to screen.
  if (pow_ && proven_bits < pow_->bits() + extra_bits(unit_code)) {
    throw BadRequest("Nơi này đang nhận rất nhiều tin báo; máy của bạn cần giải lại mã kiểm tra rồi gửi lại.", {}, "challenge_harder");
  }
  const int threshold = options_.tips_per_hour_per_unit;
  return options_.rate_limit && threshold > 0 && per_unit_.record(unit_code) > threshold;
}

}  // namespace antq::tips
