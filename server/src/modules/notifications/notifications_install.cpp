#include "modules/notifications/notifications_install.hpp"

#include <memory>
#include <optional>
#include <vector>

#include "modules/notifications/notifications_routes.hpp"
#include "modules/notifications/outbox.hpp"
#include "modules/notifications/smtp_sender.hpp"
#include "modules/notifications/webhook_sender.hpp"

namespace antq::notifications {

void install(modules::Host& host) {
  const auto& s = host.settings;
  std::vector<std::unique_ptr<Sender>> senders;
  senders.push_back(std::make_unique<WebhookSender>(s.webhook_secret));
  if (!s.smtp_url.empty()) {
    // The words of an e-mail belong to the module whose event it tells (tips: tip_notify.hpp),
    // which is installed after this one: looked up when a message goes out, not now.
    senders.push_back(
        std::make_unique<SmtpSender>(SmtpOptions{s.smtp_url, s.mail_from}, [&host](const OutgoingMessage& m) -> std::optional<Mail> {
          const auto* compose = host.find<MailComposer>();
          return compose ? (*compose)(m) : std::nullopt;
        }));
  }
  auto& dispatcher = host.keep<Dispatcher>(host.db, std::move(senders));
  host.offer(dispatcher);
  host.add_worker([&dispatcher] { dispatcher.start(); }, [&dispatcher] { dispatcher.stop(); });
  register_routes(host.router, host.keep<Inbox>(host.db));
}

}  // namespace antq::notifications
