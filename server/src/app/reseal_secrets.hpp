#pragma once
// `antq keys rotate`: what was sealed with an older key is sealed again with the current one.
#include "core/keyring.hpp"
#include "db/database.hpp"

namespace antq::app {

// Seals every TOTP secret (enabled and pending) again with the current key. Returns how many.
// Throws OperatorError when a secret opens with no key of the keyring (nothing is changed then).
int reseal_secrets(db::Database& db, const crypto::Keyring& keys);

}  // namespace antq::app
