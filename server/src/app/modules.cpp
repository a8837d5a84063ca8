#include "app/modules.hpp"

#include "modules/accounts/accounts_install.hpp"
#include "modules/audit/audit_install.hpp"
#include "modules/backup/backup_install.hpp"
#include "modules/catalog/catalog_install.hpp"
#include "modules/evaluations/evaluations_install.hpp"
#include "modules/imports/imports_install.hpp"
#include "modules/movement/movement_install.hpp"
#include "modules/news/news_install.hpp"
#include "modules/notifications/notifications_install.hpp"
#include "modules/reports/reports_install.hpp"
#include "modules/tips/tips_install.hpp"
#include "modules/units/units_install.hpp"

namespace antq::app {

modules::Settings module_settings(const Config& c) {
  modules::Settings s;
  s.public_url = c.public_url;
  s.attachments_dir = attachments_dir(c);
  s.secure_cookies = c.secure_cookies;
  s.accounts = accounts_config(c);
  s.public_challenge = c.public_challenge;
  s.public_challenge_bits = c.public_challenge_bits;
  s.public_rate_limit = c.public_rate_limit;
  s.public_tips_per_hour = c.public_tips_per_hour;
  s.public_tips_per_hour_per_unit = c.public_tips_per_hour_per_unit;
  s.public_follow_ups_per_hour = c.public_follow_ups_per_hour;
  s.public_opinions_per_hour = c.public_opinions_per_hour;
  s.webhook_urls = webhook_urls(c);
  s.webhook_secret = c.webhook_secret;
  s.smtp_url = c.smtp_url;
  s.mail_from = c.mail_from;
  s.web_root = resolve_web_root(c);
  s.news_quiet_hours = c.news_quiet_hours;
  s.news_warnings_per_day = c.news_warnings_per_day;
  s.news_senders = c.news_senders;
  s.news_zalo_url = c.news_zalo_url;
  s.news_zalo_token = c.news_zalo_token;
  s.news_zalo_secret = c.news_zalo_secret;
  return s;
}

void install_modules(modules::Host& host) {
  accounts::install(host);
  notifications::install(host);  // before tips: a new tip wakes the dispatcher
  tips::install(host);
  catalog::install(host);
  movement::install(host);  // the registers, each with its spec's extra routes
  evaluations::install(host);
  news::install(host);     // after movement: a post reaches the channel groups of its registers
  imports::install(host);  // after movement: it imports into the registers it offers
  reports::install(host);
  audit::install(host);
  units::install(host);
  backup::install(host);  // the full export: every module's tables
}

}  // namespace antq::app
