// TipsService: a new tip, from the public form (admitted by tip_admission.cpp) or from an officer.
#include <chrono>
#include <map>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/notifications/outbox.hpp"
#include "modules/tips/duplicates.hpp"
#include "modules/tips/tip_codes.hpp"
#include "modules/tips/tip_json.hpp"
#include "modules/tips/tip_secrets.hpp"
#include "modules/tips/tips_repository.hpp"
#include "modules/tips/tips_service.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::tips {

namespace {

std::string search_text(const NewTip& in, const std::string& code) { return text::fold(in.description + " " + in.place + " " + code); }

// Everything the insert needs that no database read decides.
repo::InsertTip insert_row(const NewTip& in, const std::optional<std::string>& received_by, const std::string& received_at,
                           const std::string& settle_due_at, bool held) {
  repo::InsertTip row;
  row.category = in.category;
  row.channel = in.channel;
  row.description = in.description;
  row.place = in.place;
  row.lat = in.lat;
  row.lng = in.lng;
  row.occurred_at = in.occurred_at;
  row.anonymous = in.anonymous;
  row.received_at = received_at;
  row.received_by = received_by;
  row.settle_due_at = settle_due_at;
  row.held_for_review = held;
  return row;
}

// The tip as the caller sees it once stored (its id and code are set per attempt).
TipRecord received_tip(const NewTip& in, const repo::InsertTip& row, const units::Unit& unit) {
  TipRecord t;
  t.unit_id = unit.id;
  t.unit_code = unit.code;
  t.unit_name = unit.name;
  t.unit_full_name = unit.full_name;
  t.unit_path = unit.path;
  t.category = in.category;
  t.channel = in.channel;
  t.description = in.description;
  t.place = in.place;
  t.lat = in.lat;
  t.lng = in.lng;
  t.occurred_at = in.occurred_at;
  t.anonymous = in.anonymous;
  t.has_reporter = row.reporter_sealed.has_value();
  t.status = "received";
  t.received_at = row.received_at;
  t.received_by = row.received_by;
  t.settle_due_at = row.settle_due_at;
  t.held_for_review = row.held_for_review;
  return t;
}

}  // namespace

std::optional<Challenge> TipsService::challenge(const std::optional<std::string>& unit_code) { return admission_.challenge(unit_code); }

int TipsService::admit_public_tip(const std::string& client_ip, std::string_view answer) { return admission_.admit_tip(client_ip, answer); }

void TipsService::admit_follow_up(const std::string& client_ip) { admission_.admit_follow_up(client_ip); }

Submitted TipsService::submit_public(const NewTip& in, int proven_bits) {
  const bool flood = admission_.admit_for_unit(in.unit_code, proven_bits);
  return intake(in, std::nullopt, nullptr, "", flood);
}

Submitted TipsService::create(const http::Principal& who, const NewTip& in, const std::string& request_id) {
  access::require(who, "tips.write");
  return intake(in, who.username, &who, request_id);
}

TipsService::Target TipsService::intake_target(const NewTip& in, const http::Principal* who) {
  constexpr auto kTtl = std::chrono::seconds(10);
  const auto now = std::chrono::steady_clock::now();
  auto unknown_category = [&] { return BadRequest("Loại tin báo '" + in.category + "' không có trong danh mục.", "category"); };
  // On PostgreSQL several instances share the database: what is cached holds only under the change
  // stamp it was made under (db::Database::change_stamp moves with every write of the units and the
  // catalogue, on any instance, heard by LISTEN), so a category withdrawn or a unit retired on one
  // instance is refused on all of them at once; a stamp that cannot be told (its listener
  // reconnecting) means no cache. SQLite is one process whose stamp moves with every commit, each
  // tip's included: there the time alone bounds the cache (the command line's edits). Who is
  // notified (the officers) follows the time on both: a new officer hears of tips kTtl later at most.
  const bool shared = db_.engine() == db::Engine::postgresql;
  const std::optional<std::uint64_t> stamp = shared ? db_.change_stamp() : std::nullopt;
  const bool cacheable = !who && (!shared || stamp);
  if (cacheable) {
    std::lock_guard g(cache_mutex_);
    if (shared && cache_stamp_ != stamp) {
      // taken before the reads below: a change during them leaves this entry under an older stamp
      targets_.clear();
      categories_at_ = {};
      cache_stamp_ = stamp;
    }
    if (now - categories_at_ < kTtl) {
      auto cat = active_categories_.find(in.category);
      if (cat == active_categories_.end()) throw unknown_category();
      auto it = targets_.find(in.unit_code);
      if (it != targets_.end() && now - it->second.first < kTtl) {
        if (!access::list_entry_applies(cat->second, it->second.second.unit.path)) throw unknown_category();
        return it->second.second;
      }
    }
  }
  Target t = db_.read_value([&](db::Connection& c) {
    auto unit = units::repo::find_active(c, in.unit_code);
    if (!unit || (who && !access::in_scope(*who, unit->path))) {
      throw BadRequest("Không tìm thấy đơn vị '" + in.unit_code + "'.", "unit");
    }
    if (unit->kind != "commune" && unit->kind != "village" && unit->kind != "establishment") {
      throw BadRequest("Hãy chọn xã, phường hoặc thôn, tổ dân phố nơi xảy ra sự việc.", "unit");
    }
    std::map<std::string, std::optional<std::string>> active;
    for (const auto& cat : catalog::items(c, kCategoryKind, false)) active.emplace(cat.code, cat.owner_path);
    // A province's own categories are offered, and accepted, only inside that province.
    auto cat = active.find(in.category);
    if (cat == active.end() || !access::list_entry_applies(cat->second, unit->path)) throw unknown_category();
    if (cacheable) {
      std::lock_guard g(cache_mutex_);
      if (cache_stamp_ == stamp) {
        active_categories_ = active;
        categories_at_ = now;
      }
    }
    return Target{*unit, repo::local_handlers(c, unit->path)};
  });
  if (cacheable) {
    std::lock_guard g(cache_mutex_);
    if (cache_stamp_ == stamp) {
      if (targets_.size() > 10000) targets_.clear();
      targets_[in.unit_code] = {now, t};
    }
  }
  return t;
}

Submitted TipsService::intake(const NewTip& in, const std::optional<std::string>& received_by, const http::Principal* who,
                              const std::string& request_id, bool held) {
  // Everything that needs no database is prepared before the write, so the shared write
  // transaction only does inserts.
  const auto received = clock_();
  repo::InsertTip row =
      insert_row(in, received_by, timeutil::to_rfc3339(received), timeutil::to_rfc3339(settle_due(rules_, received)), held);
  if (in.reporter && !in.reporter->empty()) row.reporter_sealed = seal_reporter(keys_, *in.reporter);

  // Reads on a reader connection, in parallel with other requests, so the shared write
  // transaction (group commit) holds only inserts. The public form's lookups (a unit, who to
  // notify, the categories) are cached for a few seconds: a flood of tips for one village then
  // costs no read at all, and a new officer is notified at most that much later.
  const Target target = intake_target(in, who);
  row.unit_id = target.unit.id;
  TipRecord t = received_tip(in, row, target.unit);

  for (int attempt = 0;; ++attempt) {
    row.tracking_code = new_tracking_code();
    const std::string secret = new_secret();
    row.secret_hash = secret_hash(keys_, secret);
    row.search_text = search_text(in, row.tracking_code);
    t.tracking_code = row.tracking_code;
    try {
      t.id = db_.write_value([&](db::Connection& c) {
        const auto id = repo::insert_tip(c, row);
        repo::add_event(c, id, {row.received_at, "received", std::string("received"), received_by, true, "", in.channel});
        // A held tip (a flood) does not ring every officer's bell once per tip; the inbox shows
        // how many wait for screening.
        if (!held) notifications::notify(c, target.handlers, {"tip.received", "tip", std::to_string(id), row.tracking_code});
        TipRecord stored = t;
        stored.id = id;
        notifications::enqueue(c, "webhook", options_.webhook_urls, "tip.received", webhook_payload("tip.received", stored));
        if (who) {
          audit_.record(c, {who->username, "tip.create", "tip", std::to_string(id), t.unit_path, t.unit_code, "", request_id,
                            "{\"channel\":\"" + in.channel + "\"}"});
        }
        return id;
      });
      duplicates_->wake();
      if (on_intake_ && !options_.webhook_urls.empty()) on_intake_();
      return {std::move(t), secret};
    } catch (const db::UniqueViolation&) {
      // A tracking code collision (40 bits: rare, but possible at scale): draw again.
      if (attempt >= 4) throw;
    }
  }
}

}  // namespace antq::tips
