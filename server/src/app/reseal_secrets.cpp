#include "app/reseal_secrets.hpp"

#include <optional>
#include <string>

#include "core/errors.hpp"
#include "modules/accounts/accounts_repository.hpp"
#include "modules/accounts/totp.hpp"

namespace antq::app {

int reseal_secrets(db::Database& db, const crypto::Keyring& keys) {
  namespace repo = accounts::repo;
  int n = 0;
  db.write([&](db::Connection& c) {
    for (auto row : repo::sealed_totp_secrets(c)) {
      auto reseal = [&](const std::optional<std::string>& v) -> std::optional<std::string> {
        if (!v) return std::nullopt;
        if (keys.key_id_of(*v) == keys.current_id()) return v;
        auto plain = keys.open(*v, accounts::totp::kSecretPurpose);
        if (!plain) throw OperatorError("Không mở được bí mật TOTP của '" + row.username + "' bằng bộ khóa hiện có.");
        ++n;
        return keys.seal(*plain, accounts::totp::kSecretPurpose);
      };
      row.secret = reseal(row.secret);
      row.pending = reseal(row.pending);
      repo::reseal_totp(c, row);
    }
  });
  return n;
}

}  // namespace antq::app
