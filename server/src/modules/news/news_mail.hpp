#pragma once
// The words of the e-mails a subscriber receives: the confirmation, and a post. Plain text (the
// post's Markdown as typed reads well as text, and nothing in a text/plain message runs), with
// the one-click unsubscribe headers of RFC 8058 on every post.
#include <cstdint>
#include <string>

#include "modules/notifications/smtp_sender.hpp"

namespace antq::news::mail {

struct Confirmation {
  std::string to, unit_full_name, kinds, token;
};
notifications::Mail confirmation(const Confirmation& c, const std::string& base_url);

struct PostMessage {
  std::string to;
  std::int64_t post_id = 0;
  std::string kind, title, summary, body;
  int priority = 3;
  std::string subscribed_unit;  // the unit the subscriber follows (its full name)
  std::string unsubscribe_token;
};
notifications::Mail post(const PostMessage& m, const std::string& base_url);

// A post as a chat message (a Zalo group): its label and title, the summary, the link.
std::string post_text(const std::string& kind, int priority, const std::string& title, const std::string& summary, std::int64_t post_id,
                      const std::string& base_url);

}  // namespace antq::news::mail
