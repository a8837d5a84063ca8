#pragma once
// The two secrets of a tip: the reporter's follow-up secret, kept only as a keyed hash, and the
// reporter's identity, sealed with the data key and opened only through audit::reveal.
#include <string>
#include <string_view>

#include "core/keyring.hpp"
#include "modules/tips/tip.hpp"

namespace antq::tips {

inline constexpr std::string_view kReporterPurpose = "tip-reporter";

// The stored form of a canonical secret (tip_codes.hpp normalizes what a person typed).
std::string secret_hash(const crypto::Keyring& keys, const std::string& canonical_secret);
// Whether a secret someone typed (canonical) is the one stored for a tip, whichever key of the
// ring hashed it: a tracking link keeps working after `antq keys rotate`. Constant time.
bool secret_matches(const crypto::Keyring& keys, const std::string& stored_hash, const std::string& canonical_secret);

std::string seal_reporter(const crypto::Keyring& keys, const Reporter& r);
// The plain JSON audit::reveal returns → the reporter (absent fields empty).
Reporter reporter_from_json(const std::string& plain);

}  // namespace antq::tips
