#pragma once
// Settings of the accounts module (from the server configuration) and who made a request.
#include <string>

namespace antq::accounts {

struct AccountsConfig {
  int session_idle_minutes = 30;
  int session_absolute_hours = 12;
  bool require_totp_for_admins = false;
  int login_attempts_per_minute = 20;  // per client address; 0 = off
  int lockout_failures = 5;
  int lockout_minutes = 15;
};

// What the audit log records of the request behind a change.
struct Caller {
  std::string ip;
  std::string request_id;
};

}  // namespace antq::accounts
