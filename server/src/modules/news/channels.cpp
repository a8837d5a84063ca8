#include "modules/news/channels.hpp"

#include <charconv>
#include <set>

#include "core/errors.hpp"
#include "http/access.hpp"
#include "modules/news/channels.sql.hpp"

namespace antq::news::channels {

namespace bj = boost::json;

namespace {

using namespace antq::sql::news::channels;  // the statements: channels.sql

Group to_group(const db::Row& r) { return {r.integer(0), r.text(1), r.text(2), r.integer(3), r.text(4), r.text(5), r.opt_text(6)}; }

}  // namespace

bj::object to_json(const Group& g, bool zalo_connector) {
  return bj::object{{"id", std::to_string(g.id)},
                    {"name", g.name},
                    {"platform", g.platform},
                    {"members", g.members},
                    {"unit", bj::object{{"code", g.unit_code}, {"full_name", g.unit_full_name}}},
                    {"connected", zalo_connector && g.platform == "zalo" && g.channel_ref.has_value() && !g.channel_ref->empty()}};
}

std::vector<Group> groups_in(db::Connection& c, const std::vector<PathRange>& areas) {
  std::vector<Group> out;
  std::set<std::int64_t> seen;  // a village inside a chosen commune: its groups once
  for (const auto& a : areas) {
    for (const auto& r : c.query(kGroupsIn, a.lo, a.hi).rows) {
      if (seen.insert(r.integer(0)).second) out.push_back(to_group(r));
    }
  }
  return out;
}

std::vector<std::int64_t> check_groups(db::Connection& c, const http::Principal& who, const std::vector<std::string>& ids) {
  std::vector<std::int64_t> out;
  for (const auto& text : ids) {
    const std::string message = "Không tìm thấy nhóm Zalo, Facebook '" + text + "' đang hoạt động trong địa bàn của bạn.";
    std::int64_t id = 0;
    const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || p != text.data() + text.size() || id <= 0) throw NotFound(message, "channels");
    const auto r = c.query(kGroup, id);
    if (r.empty() || !r.rows[0].is_null(8)) throw NotFound(message, "channels");
    const std::string platform = r.rows[0].text(2);
    if (platform != "zalo" && platform != "facebook") throw NotFound(message, "channels");
    access::require_in_scope(who, r.rows[0].text(7), message.c_str());
    out.push_back(id);
  }
  return out;
}

void set_post_groups(db::Connection& c, std::int64_t post_id, const std::vector<std::int64_t>& ids) {
  c.query(kDeletePostChannels, post_id);
  for (const auto id : ids) c.query(kInsertPostChannel, post_id, id);
}

std::vector<Group> post_groups(db::Connection& c, std::int64_t post_id) {
  std::vector<Group> out;
  for (const auto& r : c.query(kPostChannels, post_id).rows) out.push_back(to_group(r));
  return out;
}

void queue(db::Connection& c, std::int64_t post_id, bool zalo_connector, const std::string& status, const std::string& next_attempt,
           const std::string& now) {
  c.query(kQueueChannels, post_id, std::int64_t{zalo_connector ? 1 : 0}, status, next_attempt, now);
}

std::optional<std::string> group_ref(db::Connection& c, std::int64_t group_id) {
  const auto r = c.query(kGroupRef, group_id);
  if (r.empty()) return std::nullopt;
  return r.rows[0].opt_text(0);
}

}  // namespace antq::news::channels
