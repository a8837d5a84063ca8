#pragma once
// Who may send what, before any work is done for them: the proof of work a public tip carries, the
// per-address limits on tips and on follow-ups (tracking, messages, files), and the per-unit count
// that makes a flooded unit ask for harder work and hold what arrives for screening. One place,
// so the public routes' whole defence against floods reads in one file.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/keyring.hpp"
#include "core/rate_limiter.hpp"
#include "modules/tips/proof_of_work.hpp"

namespace antq::tips {

struct AdmissionOptions {
  bool challenge = true;
  int challenge_bits = 16;
  bool rate_limit = true;
  int tips_per_hour_per_address = 20;
  int tips_per_hour_per_unit = 300;
  int follow_ups_per_hour_per_address = 120;
  std::shared_ptr<WindowCounts> windows;  // where the limits count (null: this process's memory)
};

class Admission {
 public:
  Admission(const crypto::Keyring& keys, const AdmissionOptions& o);

  // `unit_code`: the unit the tip will be sent to (a flooded unit asks for more bits).
  std::optional<Challenge> challenge(const std::optional<std::string>& unit_code);
  // The per-address limit (TooManyRequests with Retry-After), then the proof of work (BadRequest).
  // Returns the bits the answer proved (a large number when the challenge is off).
  int admit_tip(const std::string& client_ip, std::string_view answer);
  void admit_follow_up(const std::string& client_ip);
  // After parsing, once the unit is known: a flooded unit may need more than `proven_bits` (400
  // challenge_harder). Counts the tip; true when it arrived past the unit's hourly threshold and is
  // held for review (never refused: one forged flood used to silence a commune for an hour).
  bool admit_for_unit(const std::string& unit_code, int proven_bits);

 private:
  int extra_bits(const std::string& unit_code) const;

  AdmissionOptions options_;
  std::unique_ptr<ProofOfWork> pow_;
  RateLimiter per_address_, follow_ups_;
  // Public tips per unit in the current hour: past tips_per_hour_per_unit a unit is flooded.
  FloodCounter per_unit_;
};

}  // namespace antq::tips
