#include "modules/news/news_install.hpp"

#include <filesystem>

#include "modules/news/deliveries.hpp"
#include "modules/news/news_routes.hpp"
#include "modules/news/news_service.hpp"
#include "modules/news/public_news.hpp"

namespace antq::news {

void install(modules::Host& host) {
  const auto& s = host.settings;
  DeliveryOptions o;
  o.quiet = parse_quiet_hours(s.news_quiet_hours);
  o.warnings_per_day = s.news_warnings_per_day;
  o.senders = s.news_senders;
  std::optional<notifications::SmtpOptions> smtp;
  if (!s.smtp_url.empty()) smtp = notifications::SmtpOptions{s.smtp_url, s.mail_from};
  const ZaloOptions zalo{s.news_zalo_url, s.news_zalo_token, s.news_zalo_secret};
  check_zalo_options(zalo);
  auto& deliveries = host.keep<Deliveries>(host.db, host.keys, smtp, zalo, s.public_url, o);
  host.add_worker([&deliveries] { deliveries.start(); }, [&deliveries] { deliveries.stop(); });
  host.offer(deliveries);
  const auto& covers = host.keep<NewsCovers>(host.db, host.audit, (std::filesystem::path(s.attachments_dir) / "news").string());
  register_staff_routes(host.router, host.keep<NewsService>(host.db, host.audit, deliveries), covers);
  register_public_routes(host.router,
                         host.keep<PublicNews>(host.db, host.keys, deliveries, s.public_url, s.public_rate_limit, host.windows), covers,
                         s.web_root, s.public_url);
}

}  // namespace antq::news
