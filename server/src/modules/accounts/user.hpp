#pragma once
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace antq::accounts {

struct User {
  std::string username;
  std::string display_name;
  std::string password_hash;
  std::string role;
  std::string role_label;
  std::optional<std::int64_t> unit_id;
  std::string unit_code, unit_name, unit_full_name, unit_kind, unit_path;  // empty: the whole country
  bool disabled = false;
  bool totp_enabled = false;
  std::optional<std::string> totp_secret, totp_pending;
  std::int64_t totp_last_step = 0;
  std::optional<std::string> last_login_at;
  std::string created_at;
  bool must_change_password = false;     // an administrator's temporary password
  bool login_locked = false;             // locked out from some address now (filled for administrators)
  std::vector<std::string> permissions;  // filled when needed
};

// The public shape of a user (never the hash or the TOTP secret).
boost::json::object to_json(const User& u);

}  // namespace antq::accounts
