#pragma once
// A unit's posts as an Atom 1.0 feed (RFC 4287). Every text is escaped; a post's HTML goes in as
// escaped text of a type="html" content, so nothing in a post can break the XML.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace antq::news {

struct FeedEntry {
  std::int64_t id = 0;
  std::string kind, title, summary;
  int priority = 3;
  std::string published_at;
  std::optional<std::string> expires_at;
  std::string body_html, updated_at;
  std::vector<std::string> targets;
};

// `base_url`: the site's address ("" : links relative to the feed's own address).
std::string atom_feed(const std::string& unit_code, const std::string& unit_name, const std::vector<FeedEntry>& entries,
                      const std::string& base_url, const std::string& now);

}  // namespace antq::news
