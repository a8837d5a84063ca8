#pragma once
// Configuration: built-in defaults, then a TOML file, then ANTQ_* environment variables, then
// command-line flags (each overrides the one before).
#include <optional>
#include <string>

#include "core/keyring.hpp"
#include "http/server/server.hpp"
#include "modules/accounts/accounts_config.hpp"

namespace antq::app {

struct Config {
  std::string db = "sqlite:data/antq.db";
  std::string listen = "127.0.0.1:8080";
  std::string web_root;  // empty: web/dist next to the working directory or the binary
  std::string log_level = "info";
  int io_threads = 2;
  // Handlers block on the database; with group commit, the more writers wait together the more
  // each fsync acknowledges, so the pool is sized for waiting, not for the cores
  // (bench/tips.sh: 4 workers ≈ 1,400 tips/s, 64 ≈ 6,000 on 2 cores).
  int worker_threads = 64;
  int db_readers = 8;
  int db_pool_size = 16;  // PostgreSQL connections (bench/tips.sh: 16 and 32 alike, 8 starves 64 workers)
  // A streaming replica of the PostgreSQL primary for the dashboard's figures (postgresql://…;
  // empty: none). It serves them while it has replayed everything the primary had committed at
  // most db_replica_max_lag_ms ago, so a figure on the dashboard may lag by that much (0: never
  // served by the replica); documents and every other read use the primary (decision 0016).
  std::string db_replica;
  int db_replica_max_lag_ms = 2000;
  long body_limit_bytes = 1 << 20;
  long header_timeout_ms = 15000;
  long body_timeout_ms = 30000;
  long upload_min_rate_bytes = 16 * 1024;  // an upload averaging less (after upload_grace_ms) is cut off
  long upload_grace_ms = 30000;
  int public_uploads_per_address = 2;  // public uploads streaming at once from one address (or IPv6 /64)
  bool trust_forwarded_for = false;
  // Data keys (sealed fields, keyed hashes, audit chain): ANTQ_DATA_KEY (hex) or a 0600 key file.
  std::string data_key;
  std::string data_key_file;  // empty: antq.key next to a SQLite database, else data/antq.key
  // Accounts.
  long session_idle_minutes = 30;
  long session_absolute_hours = 12;
  bool require_totp_for_admins = false;
  long login_attempts_per_minute = 20;
  bool secure_cookies = false;  // set when served over TLS (behind the reverse proxy)
  // Public tips (C3). The challenge and rate limits may be switched off for a trusted
  // integration or a benchmark (ANTQ_PUBLIC_CHALLENGE=off, ANTQ_PUBLIC_RATE_LIMIT=off).
  bool public_challenge = true;
  int public_challenge_bits = 16;
  bool public_rate_limit = true;
  int public_tips_per_hour = 20;  // per client address
  int public_tips_per_hour_per_unit = 300;
  int public_follow_ups_per_hour = 120;  // tracking, messages, attachments per address
  int public_opinions_per_hour = 20;     // opinions sent online (/gop-y) per address
  std::string attachments_dir;           // empty: "attachments" next to a SQLite database, else data/attachments
  std::string public_url;                // printed on QR posters; empty: the address the request came to
  std::string webhook_urls;              // comma-separated; each gets a JSON POST per event
  std::string webhook_secret;            // signs webhook bodies (X-Antq-Signature) when set
  // E-mail to reporters who ask to be told of updates: smtp://host:port (STARTTLS when offered) or
  // smtps://host:port, credentials as smtp://user:password@host. Empty: no e-mail (the tracking
  // page hides the form). Needs mail_from and public_url (the link in the e-mail).
  std::string smtp_url;
  std::string mail_from;  // "no-reply@antq.example.vn" or "ANTQ <no-reply@antq.example.vn>"
  // News to residents (issue 15): non-urgent warnings and news wait through quiet hours (Vietnam
  // time, "21:00-06:00"; "off" sends at any hour); at most this many non-urgent warnings a day to one
  // subscriber (0: no cap); this many threads sending at once.
  std::string news_quiet_hours = "21:00-06:00";
  int news_warnings_per_day = 3;
  int news_senders = 4;
  // A Zalo-OA-style connector for posts to Zalo groups (modules/news/zalo_connector.hpp): its
  // endpoint (https://, or http:// on loopback), the OA's access token, a secret signing the body.
  std::string news_zalo_url, news_zalo_token, news_zalo_secret;
  // /metrics: with a token, only `Authorization: Bearer <token>`; without one, only direct
  // connections from this machine (loopback, not through a proxy).
  std::string metrics_token;
  // On SIGTERM: seconds during which /readyz answers 503 while requests are still served, so that a
  // load balancer stops sending new ones before the instance stops accepting. 0 for a single
  // instance (Ctrl-C on `make run` stops at once); the shipped systemd units set 5.
  int drain_seconds = 0;
};

// Reads `file` (when given, or ./antq.toml when it exists) and the environment.
Config load_config(const std::optional<std::string>& file);

// "HOST:PORT" → server options; throws OperatorError when malformed.
http::ServerOptions server_options(const Config& c);

// The data keys: from `data_key` when set, otherwise from the key file (OperatorError if absent).
crypto::Keyring load_keyring(const Config& c);
std::string key_file_path(const Config& c);
accounts::AccountsConfig accounts_config(const Config& c);
std::string attachments_dir(const Config& c);
std::vector<std::string> webhook_urls(const Config& c);
// Throws OperatorError when smtp_url is set without what an e-mail needs (mail_from, public_url).
void check_mail_settings(const Config& c);

// The folder of the built web app, or empty when none is found.
std::string resolve_web_root(const Config& c);

}  // namespace antq::app
