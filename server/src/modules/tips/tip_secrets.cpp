#include "modules/tips/tip_secrets.hpp"

#include <boost/json.hpp>

namespace antq::tips {

namespace bj = boost::json;

namespace {
constexpr std::string_view kSecretPurpose = "tip-secret";
}  // namespace

std::string secret_hash(const crypto::Keyring& keys, const std::string& canonical_secret) {
  return keys.keyed_hash(canonical_secret, kSecretPurpose);
}

bool secret_matches(const crypto::Keyring& keys, const std::string& stored_hash, const std::string& canonical_secret) {
  return keys.matches_keyed_hash(stored_hash, canonical_secret, kSecretPurpose);
}

std::string seal_reporter(const crypto::Keyring& keys, const Reporter& r) {
  return keys.seal(bj::serialize(bj::object{{"name", r.name}, {"phone", r.phone}, {"email", r.email}, {"address", r.address}}),
                   kReporterPurpose);
}

Reporter reporter_from_json(const std::string& plain) {
  const bj::value parsed = bj::parse(plain);  // kept alive: the fields are read from its object
  const auto& o = parsed.as_object();
  auto field = [&](const char* k) { return o.contains(k) ? std::string(o.at(k).as_string()) : std::string(); };
  return Reporter{field("name"), field("phone"), field("email"), field("address")};
}

}  // namespace antq::tips
