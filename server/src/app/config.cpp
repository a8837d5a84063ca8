#include "app/config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/errors.hpp"

namespace antq::app {

namespace fs = std::filesystem;

namespace {

long parse_long(const std::string& key, const std::string& v) {
  try {
    std::size_t pos = 0;
    const long n = std::stol(v, &pos);
    if (pos != v.size()) throw std::invalid_argument(v);
    return n;
  } catch (const std::exception&) {
    throw OperatorError("Cấu hình '" + key + "' phải là số nguyên, nhận được '" + v + "'.");
  }
}

bool parse_bool(const std::string& key, const std::string& v) {
  if (v == "1" || v == "true" || v == "on" || v == "yes") return true;
  if (v == "0" || v == "false" || v == "off" || v == "no") return false;
  throw OperatorError("Cấu hình '" + key + "' phải là true hoặc false, nhận được '" + v + "'.");
}

// One table of every setting so the file and the environment cannot drift apart.
struct Setting {
  const char* key;
  enum { text, integer, boolean } type;
  void* target;
};

std::vector<Setting> settings(Config& c) {
  return {{"db", Setting::text, &c.db},
          {"listen", Setting::text, &c.listen},
          {"web_root", Setting::text, &c.web_root},
          {"log_level", Setting::text, &c.log_level},
          {"io_threads", Setting::integer, &c.io_threads},
          {"worker_threads", Setting::integer, &c.worker_threads},
          {"db_readers", Setting::integer, &c.db_readers},
          {"db_pool_size", Setting::integer, &c.db_pool_size},
          {"db_replica", Setting::text, &c.db_replica},
          {"db_replica_max_lag_ms", Setting::integer, &c.db_replica_max_lag_ms},
          {"body_limit_bytes", Setting::integer, &c.body_limit_bytes},
          {"header_timeout_ms", Setting::integer, &c.header_timeout_ms},
          {"body_timeout_ms", Setting::integer, &c.body_timeout_ms},
          {"upload_min_rate_bytes", Setting::integer, &c.upload_min_rate_bytes},
          {"upload_grace_ms", Setting::integer, &c.upload_grace_ms},
          {"public_uploads_per_address", Setting::integer, &c.public_uploads_per_address},
          {"trust_forwarded_for", Setting::boolean, &c.trust_forwarded_for},
          {"data_key", Setting::text, &c.data_key},
          {"data_key_file", Setting::text, &c.data_key_file},
          {"session_idle_minutes", Setting::integer, &c.session_idle_minutes},
          {"session_absolute_hours", Setting::integer, &c.session_absolute_hours},
          {"require_totp_for_admins", Setting::boolean, &c.require_totp_for_admins},
          {"login_attempts_per_minute", Setting::integer, &c.login_attempts_per_minute},
          {"secure_cookies", Setting::boolean, &c.secure_cookies},
          {"public_challenge", Setting::boolean, &c.public_challenge},
          {"public_challenge_bits", Setting::integer, &c.public_challenge_bits},
          {"public_rate_limit", Setting::boolean, &c.public_rate_limit},
          {"public_tips_per_hour", Setting::integer, &c.public_tips_per_hour},
          {"public_tips_per_hour_per_unit", Setting::integer, &c.public_tips_per_hour_per_unit},
          {"public_follow_ups_per_hour", Setting::integer, &c.public_follow_ups_per_hour},
          {"public_opinions_per_hour", Setting::integer, &c.public_opinions_per_hour},
          {"attachments_dir", Setting::text, &c.attachments_dir},
          {"public_url", Setting::text, &c.public_url},
          {"webhook_urls", Setting::text, &c.webhook_urls},
          {"webhook_secret", Setting::text, &c.webhook_secret},
          {"smtp_url", Setting::text, &c.smtp_url},
          {"mail_from", Setting::text, &c.mail_from},
          {"news_quiet_hours", Setting::text, &c.news_quiet_hours},
          {"news_warnings_per_day", Setting::integer, &c.news_warnings_per_day},
          {"news_senders", Setting::integer, &c.news_senders},
          {"news_zalo_url", Setting::text, &c.news_zalo_url},
          {"news_zalo_token", Setting::text, &c.news_zalo_token},
          {"news_zalo_secret", Setting::text, &c.news_zalo_secret},
          {"metrics_token", Setting::text, &c.metrics_token},
          {"drain_seconds", Setting::integer, &c.drain_seconds}};
}

void assign(const Setting& s, const std::string& value, bool int_is_long) {
  switch (s.type) {
    case Setting::text: *static_cast<std::string*>(s.target) = value; break;
    case Setting::boolean: *static_cast<bool*>(s.target) = parse_bool(s.key, value); break;
    case Setting::integer:
      if (int_is_long) *static_cast<long*>(s.target) = parse_long(s.key, value);
      else *static_cast<int*>(s.target) = static_cast<int>(parse_long(s.key, value));
      break;
  }
}

bool is_long(const Config& c, const Setting& s) {
  return s.target == &c.body_limit_bytes || s.target == &c.header_timeout_ms || s.target == &c.body_timeout_ms ||
         s.target == &c.upload_min_rate_bytes || s.target == &c.upload_grace_ms || s.target == &c.session_idle_minutes ||
         s.target == &c.session_absolute_hours || s.target == &c.login_attempts_per_minute;
}

}  // namespace

Config load_config(const std::optional<std::string>& file) {
  Config c;
  auto table = settings(c);
  std::optional<std::string> path = file;
  if (!path) {
    if (const char* env = std::getenv("ANTQ_CONFIG")) path = env;
    else if (fs::exists("antq.toml")) path = "antq.toml";
  }
  if (path) {
    toml::table doc;
    try {
      doc = toml::parse_file(*path);
    } catch (const toml::parse_error& e) {
      throw OperatorError("Không đọc được tệp cấu hình '" + *path + "': " + std::string(e.description()));
    }
    for (const auto& [key, node] : doc) {
      // `name` copied in: clang 14 cannot capture a structured binding (the fuzz build uses it).
      auto it = std::find_if(table.begin(), table.end(), [&, name = key.str()](const Setting& s) { return name == s.key; });
      if (it == table.end()) throw OperatorError("Tệp cấu hình '" + *path + "': khóa không hỗ trợ '" + std::string(key.str()) + "'.");
      std::string value;
      if (auto s = node.value<std::string>()) value = *s;
      else if (auto n = node.value<int64_t>()) value = std::to_string(*n);
      else if (auto b = node.value<bool>()) value = *b ? "true" : "false";
      else throw OperatorError("Tệp cấu hình: giá trị của '" + std::string(key.str()) + "' không hợp lệ.");
      assign(*it, value, is_long(c, *it));
    }
  }
  for (const auto& s : table) {
    std::string env = "ANTQ_";
    for (const char* p = s.key; *p; ++p) env.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(*p))));
    if (const char* v = std::getenv(env.c_str())) assign(s, v, is_long(c, s));
  }
  return c;
}

http::ServerOptions server_options(const Config& c) {
  http::ServerOptions o;
  const auto colon = c.listen.rfind(':');
  if (colon == std::string::npos || colon == 0)
    throw OperatorError("Địa chỉ lắng nghe phải có dạng HOST:PORT, nhận được '" + c.listen + "'.");
  o.host = c.listen.substr(0, colon);
  if (o.host.size() > 2 && o.host.front() == '[' && o.host.back() == ']') o.host = o.host.substr(1, o.host.size() - 2);
  const long port = parse_long("listen", c.listen.substr(colon + 1));
  if (port < 0 || port > 65535) throw OperatorError("Cổng không hợp lệ: " + std::to_string(port));
  o.port = static_cast<std::uint16_t>(port);
  o.io_threads = std::max(1, c.io_threads);
  o.worker_threads = std::max(1, c.worker_threads);
  o.body_limit = static_cast<std::size_t>(std::max(1024L, c.body_limit_bytes));
  o.header_timeout = std::chrono::milliseconds(c.header_timeout_ms);
  o.body_timeout = std::chrono::milliseconds(c.body_timeout_ms);
  o.upload_min_rate = static_cast<std::size_t>(std::max(1L, c.upload_min_rate_bytes));
  o.upload_grace = std::chrono::milliseconds(std::max(0L, c.upload_grace_ms));
  o.upload_slots.public_per_address = std::max(1, c.public_uploads_per_address);
  o.trust_forwarded_for = c.trust_forwarded_for;
  o.upload_dir = (fs::path(attachments_dir(c)) / "incoming").string();
  return o;
}

std::string attachments_dir(const Config& c) {
  if (!c.attachments_dir.empty()) return c.attachments_dir;
  if (c.db.starts_with("sqlite:")) {
    std::string path = c.db.substr(7);
    if (path.starts_with("//")) path = path.substr(2);
    return (fs::path(path).parent_path() / "attachments").string();
  }
  return "data/attachments";
}

std::vector<std::string> webhook_urls(const Config& c) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < c.webhook_urls.size()) {
    auto comma = c.webhook_urls.find(',', start);
    if (comma == std::string::npos) comma = c.webhook_urls.size();
    std::string url = c.webhook_urls.substr(start, comma - start);
    while (!url.empty() && url.front() == ' ') url.erase(url.begin());
    while (!url.empty() && url.back() == ' ') url.pop_back();
    if (!url.empty()) {
      if (!url.starts_with("http://") && !url.starts_with("https://")) {
        throw OperatorError("webhook_urls: địa chỉ phải bắt đầu bằng http:// hoặc https://, nhận được '" + url + "'.");
      }
      out.push_back(url);
    }
    start = comma + 1;
  }
  return out;
}

void check_mail_settings(const Config& c) {
  if (c.smtp_url.empty()) return;
  // The URL may carry a password: never repeated in a message.
  if (!c.smtp_url.starts_with("smtp://") && !c.smtp_url.starts_with("smtps://")) {
    throw OperatorError("smtp_url phải bắt đầu bằng smtp:// (STARTTLS khi máy chủ thư hỗ trợ) hoặc smtps://.");
  }
  const std::string from = c.mail_from;
  const auto at = from.find('@');
  if (from.empty() || at == std::string::npos) {
    throw OperatorError("Đã đặt smtp_url nhưng thiếu mail_from (địa chỉ gửi thư, ví dụ no-reply@antq.example.vn).");
  }
  for (char ch : from) {
    if (static_cast<unsigned char>(ch) < 0x20 || static_cast<unsigned char>(ch) > 0x7e) {
      throw OperatorError("mail_from chỉ gồm ký tự ASCII in được (ví dụ: ANTQ <no-reply@antq.example.vn>).");
    }
  }
  // The link in each e-mail must not come from a request's Host header (anyone can send one).
  if (c.public_url.empty() || (!c.public_url.starts_with("https://") && !c.public_url.starts_with("http://"))) {
    throw OperatorError(
        "Đã đặt smtp_url nhưng thiếu public_url (địa chỉ trang công khai, ví dụ https://antq.example.vn) để ghi đường link trong thư.");
  }
}

std::string key_file_path(const Config& c) {
  if (!c.data_key_file.empty()) return c.data_key_file;
  if (c.db.starts_with("sqlite:")) {
    std::string path = c.db.substr(7);
    if (path.starts_with("//")) path = path.substr(2);
    return (fs::path(path).parent_path() / "antq.key").string();
  }
  return "data/antq.key";
}

crypto::Keyring load_keyring(const Config& c) {
  if (!c.data_key.empty()) return crypto::Keyring::from_hex(c.data_key);
  return crypto::Keyring::from_file(key_file_path(c));
}

accounts::AccountsConfig accounts_config(const Config& c) {
  accounts::AccountsConfig a;
  a.session_idle_minutes = static_cast<int>(std::max(1L, c.session_idle_minutes));
  a.session_absolute_hours = static_cast<int>(std::max(1L, c.session_absolute_hours));
  a.require_totp_for_admins = c.require_totp_for_admins;
  a.login_attempts_per_minute = static_cast<int>(std::max(0L, c.login_attempts_per_minute));
  return a;
}

std::string resolve_web_root(const Config& c) {
  if (!c.web_root.empty()) return c.web_root;
  std::error_code ec;
  std::vector<fs::path> candidates = {fs::current_path(ec) / "web" / "dist"};
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back(exe.parent_path().parent_path() / "web" / "dist");
    candidates.push_back(exe.parent_path() / "web");
  }
  for (const auto& p : candidates) {
    if (fs::exists(p / "index.html", ec)) return fs::weakly_canonical(p, ec).string();
  }
  return {};
}

}  // namespace antq::app
