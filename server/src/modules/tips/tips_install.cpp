#include "modules/tips/tips_install.hpp"

#include <algorithm>

#include "modules/notifications/outbox.hpp"
#include "modules/notifications/smtp_sender.hpp"
#include "modules/tips/tip_notify.hpp"
#include "modules/tips/tips_routes.hpp"
#include "modules/tips/tips_service.hpp"

namespace antq::tips {

namespace {

TipsOptions options_of(const modules::Settings& s, std::shared_ptr<WindowCounts> windows) {
  TipsOptions o;
  o.windows = std::move(windows);
  o.challenge = s.public_challenge;
  o.challenge_bits = std::clamp(s.public_challenge_bits, 0, 24);
  o.rate_limit = s.public_rate_limit;
  o.tips_per_hour_per_address = s.public_tips_per_hour;
  o.tips_per_hour_per_unit = s.public_tips_per_hour_per_unit;
  o.follow_ups_per_hour_per_address = s.public_follow_ups_per_hour;
  o.attachments_dir = s.attachments_dir;
  o.webhook_urls = s.webhook_urls;
  o.email_updates = !s.smtp_url.empty();
  return o;
}

}  // namespace

void install(modules::Host& host) {
  auto& tips = host.keep<TipsService>(host.db, host.keys, host.audit, options_of(host.settings, host.windows));
  // A new tip goes out to the webhooks and e-mail at once, not at the dispatcher's next round.
  tips.on_intake([&dispatcher = host.need<notifications::Dispatcher>()] { dispatcher.wake(); });
  if (!host.settings.smtp_url.empty()) {
    host.offer(host.keep<notifications::MailComposer>(notify::composer(host.db, host.keys, host.settings.public_url)));
  }
  host.add_worker([&tips] { tips.start_background(); }, [&tips] { tips.stop_background(); });
  register_public_routes(host.router, tips);
  register_staff_routes(host.router, tips);
  register_poster_route(host.router, host.db, host.settings.public_url);
  host.offer(tips);  // the importer's "tips" of past years
}

}  // namespace antq::tips
