#include "modules/accounts/user.hpp"

namespace antq::accounts {

boost::json::object to_json(const User& u) {
  boost::json::object o;
  o["username"] = u.username;
  o["display_name"] = u.display_name;
  o["role"] = u.role;
  o["role_label"] = u.role_label;
  if (u.unit_id) {
    o["unit"] = boost::json::object{{"code", u.unit_code}, {"name", u.unit_name}, {"full_name", u.unit_full_name}, {"kind", u.unit_kind}};
  } else {
    o["unit"] = nullptr;
  }
  boost::json::array perms;
  for (const auto& p : u.permissions) perms.push_back(boost::json::value(p));
  o["permissions"] = std::move(perms);
  o["totp_enabled"] = u.totp_enabled;
  o["disabled"] = u.disabled;
  o["last_login_at"] = u.last_login_at ? boost::json::value(*u.last_login_at) : boost::json::value(nullptr);
  o["created_at"] = u.created_at;
  o["must_change_password"] = u.must_change_password;
  o["login_locked"] = u.login_locked;
  return o;
}

}  // namespace antq::accounts
