#include "modules/tips/tips_service.hpp"

#include <sodium.h>

#include <boost/json.hpp>
#include <algorithm>
#include <filesystem>
#include <limits>
#include <set>
#include <fstream>

#include "core/client_address.hpp"
#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/accounts/accounts_repository.hpp"
#include "modules/audit/reveal.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/notifications/outbox.hpp"
#include "modules/media/media.hpp"
#include "modules/tips/duplicates.hpp"
#include "modules/tips/tip_codes.hpp"
#include "modules/tips/tip_notify.hpp"
#include "modules/tips/tips_repository.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::tips {

namespace bj = boost::json;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSecretPurpose = "tip-secret";
constexpr std::string_view kReporterPurpose = "tip-reporter";
constexpr const char* kNotFoundForReporter = "Không tìm thấy tin báo, hoặc mã bí mật không đúng.";
constexpr const char* kNotFound = "Không tìm thấy tin báo.";

std::string secret_hash(const crypto::Keyring& keys, const std::string& canonical_secret) {
  return keys.keyed_hash(canonical_secret, kSecretPurpose);
}

bool same_hash(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string search_text(const NewTip& in, const std::string& code) {
  return text::fold(in.description + " " + in.place + " " + code);
}

TooManyRequests too_many(int retry_after) {
  return TooManyRequests("Bạn đã gửi quá nhiều yêu cầu; vui lòng thử lại sau.", retry_after);
}

std::string webhook_payload(const std::string& event, const TipRecord& t) {
  // No description, place or reporter: a receiver learns that something happened and where.
  return bj::serialize(bj::object{{"event", event},
                                  {"tip_id", std::to_string(t.id)},
                                  {"tracking_code", t.tracking_code},
                                  {"unit", t.unit_code},
                                  {"category", t.category},
                                  {"status", t.status},
                                  {"at", timeutil::now_utc()}});
}

std::string sealed_reporter(const crypto::Keyring& keys, const Reporter& r) {
  return keys.seal(bj::serialize(bj::object{{"name", r.name}, {"phone", r.phone}, {"email", r.email}, {"address", r.address}}),
                   kReporterPurpose);
}

}  // namespace

TipsService::TipsService(db::Database& db, const crypto::Keyring& keys, const audit::AuditLog& audit, TipsOptions options)
    : db_(db),
      keys_(keys),
      audit_(audit),
      options_(std::move(options)),
      per_address_(options_.rate_limit ? options_.tips_per_hour_per_address : 0, std::chrono::hours(1)),
      follow_ups_(options_.rate_limit ? options_.follow_ups_per_hour_per_address : 0, std::chrono::hours(1)),
      per_unit_(std::chrono::hours(1)),
      duplicates_(std::make_unique<DuplicateFinder>(db)),
      clock_([] { return std::chrono::system_clock::now(); }) {
  rules_ = db_.read_value([](db::Connection& c) { return DeadlineRules::load(c); });
  if (options_.challenge) pow_ = std::make_unique<ProofOfWork>(keys_, options_.challenge_bits);
  if (!options_.attachments_dir.empty()) fs::create_directories(options_.attachments_dir);
}

TipsService::~TipsService() { stop_background(); }

void TipsService::start_background() { duplicates_->start(); }
void TipsService::stop_background() { duplicates_->stop(); }

std::string TipsService::now() const { return timeutil::to_rfc3339(clock_()); }

// The dispatcher delivers webhooks and e-mails; it is woken after a commit that enqueued one.
void TipsService::wake_outbox() const {
  if (on_intake_) on_intake_();
}

// Two more bits (four times the work) each time a unit's hourly count passes another multiple of
// its threshold, at most four more: a cheap phone still solves it in seconds, a flood of
// thousands pays thousands of times that.
int TipsService::bits_for(const std::string& unit_code) const {
  const int threshold = options_.tips_per_hour_per_unit;
  if (!options_.rate_limit || threshold <= 0) return 0;
  const int n = per_unit_.current(unit_code);
  if (n < threshold) return 0;
  return std::min(4, 2 * (n / threshold));
}

std::optional<Challenge> TipsService::challenge(const std::optional<std::string>& unit_code) {
  if (!pow_) return std::nullopt;
  return pow_->issue(unit_code ? bits_for(*unit_code) : 0);
}

int TipsService::admit_public_tip(const std::string& client_ip, std::string_view answer) {
  if (per_address_.enabled()) {
    if (int wait = per_address_.acquire(net::client_key(client_ip))) throw too_many(wait);
  }
  return pow_ ? pow_->verify(answer) : std::numeric_limits<int>::max();
}

void TipsService::admit_follow_up(const std::string& client_ip) {
  if (follow_ups_.enabled()) {
    if (int wait = follow_ups_.acquire(net::client_key(client_ip))) throw too_many(wait);
  }
}

std::vector<Category> TipsService::categories(bool include_inactive) {
  return db_.read_value([&](db::Connection& c) { return repo::categories(c, include_inactive); });
}

std::vector<Category> TipsService::categories_for(const std::optional<std::string>& unit_code) {
  return db_.read_value([&](db::Connection& c) {
    std::optional<std::string> path;
    if (unit_code) {
      auto u = units::repo::find_active(c, *unit_code);
      if (!u) throw NotFound("Không tìm thấy đơn vị '" + *unit_code + "'.", "unit");
      path = u->path;
    }
    auto all = repo::categories(c, false);
    std::erase_if(all, [&](const Category& cat) { return cat.owner_path && !(path && access::list_entry_applies(cat.owner_path, *path)); });
    return all;
  });
}

Submitted TipsService::submit_public(const NewTip& in, int proven_bits) {
  // A unit under a flood is never closed to its citizens (one forged flood used to silence a
  // commune for an hour): the work asked grows, and what arrives past the threshold is kept
  // but held for an officer to screen.
  if (pow_ && proven_bits < pow_->bits() + bits_for(in.unit_code)) {
    throw BadRequest("Nơi này đang nhận rất nhiều tin báo; máy của bạn cần giải lại mã kiểm tra rồi gửi lại.", {}, "challenge_harder");
  }
  const int threshold = options_.tips_per_hour_per_unit;
  const bool flood = options_.rate_limit && threshold > 0 && per_unit_.record(in.unit_code) > threshold;
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
  if (!who) {
    std::lock_guard g(cache_mutex_);
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
    for (const auto& cat : repo::categories(c, false)) active.emplace(cat.code, cat.owner_path);
    // A province's own categories are offered, and accepted, only inside that province.
    auto cat = active.find(in.category);
    if (cat == active.end() || !access::list_entry_applies(cat->second, unit->path)) throw unknown_category();
    if (!who) {
      std::lock_guard g(cache_mutex_);
      active_categories_ = active;
      categories_at_ = now;
    }
    return Target{*unit, repo::local_handlers(c, unit->path)};
  });
  if (!who) {
    std::lock_guard g(cache_mutex_);
    if (targets_.size() > 10000) targets_.clear();
    targets_[in.unit_code] = {now, t};
  }
  return t;
}

Submitted TipsService::intake(const NewTip& in, const std::optional<std::string>& received_by, const http::Principal* who,
                              const std::string& request_id, bool held) {
  // Everything that needs no database is prepared before the write, so the shared write
  // transaction only does inserts.
  const auto received = clock_();
  repo::InsertTip row;
  row.category = in.category;
  row.channel = in.channel;
  row.description = in.description;
  row.place = in.place;
  row.lat = in.lat;
  row.lng = in.lng;
  row.occurred_at = in.occurred_at;
  row.anonymous = in.anonymous;
  if (in.reporter && !in.reporter->empty()) row.reporter_sealed = sealed_reporter(keys_, *in.reporter);
  row.received_at = timeutil::to_rfc3339(received);
  row.received_by = received_by;
  row.settle_due_at = timeutil::to_rfc3339(settle_due(rules_, received));
  row.held_for_review = held;
  std::string secret;

  // Reads on a reader connection, in parallel with other requests, so the shared write
  // transaction (group commit) holds only inserts. The public form's lookups (a unit, who to
  // notify, the categories) are cached for a few seconds: a flood of tips for one village then
  // costs no read at all, and a new officer is notified at most that much later.
  const Target target = intake_target(in, who);
  row.unit_id = target.unit.id;

  TipRecord t;
  t.unit_id = target.unit.id;
  t.unit_code = target.unit.code;
  t.unit_name = target.unit.name;
  t.unit_full_name = target.unit.full_name;
  t.unit_path = target.unit.path;
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
  t.received_by = received_by;
  t.settle_due_at = row.settle_due_at;
  t.held_for_review = held;

  for (int attempt = 0;; ++attempt) {
    row.tracking_code = new_tracking_code();
    secret = new_secret();
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

TipRecord TipsService::reporter_tip(db::Connection& c, const std::string& code, const std::string& secret) const {
  const auto canonical_code = normalize_tracking_code(code);
  const auto canonical_secret = normalize_secret(secret);
  // The hash is computed even for a malformed code, so timing says nothing about which part was wrong.
  const std::string presented = secret_hash(keys_, canonical_secret.value_or(secret));
  if (!canonical_code || !canonical_secret) throw NotFound(kNotFoundForReporter);
  auto tip = repo::find_by_code(c, *canonical_code);
  if (!tip) throw NotFound(kNotFoundForReporter);
  if (!same_hash(*repo::secret_hash(c, tip->id), presented)) throw NotFound(kNotFoundForReporter);
  return *tip;
}

ReporterView TipsService::track(const std::string& code, const std::string& secret) {
  return db_.read_value([&](db::Connection& c) {
    ReporterView v;
    v.tip = reporter_tip(c, code, secret);
    v.timeline = repo::events(c, v.tip.id, true);
    v.messages = repo::messages(c, v.tip.id);
    v.attachments = repo::attachments(c, v.tip.id);
    v.notify = notify::subscribed(c, v.tip.id);
    v.notify_available = options_.email_updates;
    return v;
  });
}

void TipsService::subscribe_updates(const std::string& code, const std::string& secret, const std::string& email) {
  if (!options_.email_updates) {
    throw ServiceUnavailable("email_unavailable",
                             "Máy chủ chưa cấu hình gửi thư, nên chưa gửi được thông báo qua email. Vui lòng quay lại trang này để xem cập nhật.");
  }
  // The address is never repeated back: not in this message, not in a log.
  if (!notify::valid_address(email)) throw BadRequest("Địa chỉ email không hợp lệ.", "email");
  db_.write([&](db::Connection& c) {
    const TipRecord t = reporter_tip(c, code, secret);
    notify::subscribe(c, keys_, t.id, email, now());
  });
}

void TipsService::unsubscribe_updates(const std::string& code, const std::string& secret) {
  db_.write([&](db::Connection& c) { notify::unsubscribe(c, reporter_tip(c, code, secret).id); });
}

void TipsService::unsubscribe_by_token(const std::string& token) {
  const bool ended = db_.write_value([&](db::Connection& c) { return notify::unsubscribe_by_token(c, keys_, token).has_value(); });
  if (!ended) throw NotFound("Không tìm thấy đăng ký nhận thông báo ứng với đường link này; có thể bạn đã hủy trước đó.");
}

TipMessage TipsService::reporter_message(const std::string& code, const std::string& secret, const std::string& body) {
  return db_.write_value([&](db::Connection& c) {
    const TipRecord t = reporter_tip(c, code, secret);
    const std::string at = now();
    const auto id = repo::add_message(c, t.id, at, "in", std::nullopt, body);
    repo::add_event(c, t.id, {at, "message_in", std::nullopt, std::nullopt, true, "", ""});
    // Whoever handles the tip hears of it; before assignment, the commune's police.
    const auto to = t.assignee ? std::vector<std::string>{*t.assignee} : repo::local_handlers(c, t.unit_path);
    notifications::notify(c, to, {"tip.message", "tip", std::to_string(t.id), t.tracking_code});
    return TipMessage{id, t.id, at, "in", std::nullopt, body};
  });
}

void TipsService::admit_reporter_upload(const std::string& code, const std::string& secret) {
  db_.read([&](db::Connection& c) {
    const TipRecord tip = reporter_tip(c, code, secret);
    if (repo::count_attachments(c, tip.id) >= media::kMaxAttachmentsPerRecord) {
      throw RuleViolation("Mỗi tin báo chỉ kèm được tối đa " + std::to_string(media::kMaxAttachmentsPerRecord) + " tệp.");
    }
  });
}

TipAttachment TipsService::reporter_attachment(const std::string& code, const std::string& secret, const std::string& file,
                                               bool keep_location) {
  // Authenticate before touching the file: an unknown code costs nothing but this lookup.
  const TipRecord t = db_.read_value([&](db::Connection& c) {
    TipRecord tip = reporter_tip(c, code, secret);
    if (repo::count_attachments(c, tip.id) >= media::kMaxAttachmentsPerRecord) {
      throw RuleViolation("Mỗi tin báo chỉ kèm được tối đa " + std::to_string(media::kMaxAttachmentsPerRecord) + " tệp.");
    }
    return tip;
  });
  if (options_.attachments_dir.empty()) throw ServiceUnavailable("storage_unavailable", "Máy chủ chưa được cấu hình nơi lưu tệp đính kèm.");
  const media::StoredMedia m = media::store_upload(file, options_.attachments_dir, keep_location);
  const std::string at = now();
  TipAttachment a{0, t.id, at, std::nullopt, m.kind, m.media_type, m.size, m.sha256, m.stored_name, m.location_removed};
  try {
    a.id = db_.write_value([&](db::Connection& c) {
      // Counted again here: two uploads at once must not both pass the check made before.
      if (repo::count_attachments(c, t.id) >= media::kMaxAttachmentsPerRecord) {
        throw RuleViolation("Mỗi tin báo chỉ kèm được tối đa " + std::to_string(media::kMaxAttachmentsPerRecord) + " tệp.");
      }
      const auto id = repo::add_attachment(c, a);
      repo::add_event(c, t.id, {at, "attachment", std::nullopt, std::nullopt, true, "", a.kind});
      const auto to = t.assignee ? std::vector<std::string>{*t.assignee} : repo::local_handlers(c, t.unit_path);
      notifications::notify(c, to, {"tip.attachment", "tip", std::to_string(t.id), t.tracking_code});
      return id;
    });
  } catch (...) {
    media::remove_stored(options_.attachments_dir, m.stored_name);
    throw;
  }
  return a;
}

void TipsService::release(const http::Principal& who, std::int64_t id, const std::string& request_id) {
  access::require(who, "tips.write");
  db_.write([&](db::Connection& c) {
    const TipRecord t = staff_tip(c, who, id);
    if (!t.held_for_review) return;
    repo::release_hold(c, id, now());
    audit_.record(c, {who.username, "tip.release", "tip", std::to_string(id), t.unit_path, t.unit_code, "", request_id, ""});
  });
}

TipRecord TipsService::staff_tip(db::Connection& c, const http::Principal& who, std::int64_t id) const {
  auto t = repo::find(c, id);
  if (!t || !access::in_scope(who, t->unit_path)) throw NotFound(kNotFound);
  return *t;
}

std::pair<std::vector<TipRecord>, std::int64_t> TipsService::list(const http::Principal& who, const TipFilter& f) {
  access::require(who, "tips.read");
  return db_.read_value([&](db::Connection& c) {
    repo::ListFilter lf;
    lf.scope = access::scope_range(who);
    lf.caller_scope = lf.scope;
    if (f.unit) {
      auto u = units::repo::find_active(c, *f.unit);
      if (!u || !access::in_scope(who, u->path)) throw NotFound("Không tìm thấy đơn vị '" + *f.unit + "'.", "unit");
      lf.scope = subtree_range(u->path);
    }
    lf.statuses = f.statuses;
    lf.categories = f.categories;
    // Dates are Vietnam days: [from 00:00, to+1 00:00) in Vietnam time.
    if (f.from) lf.received_from = timeutil::to_rfc3339(timeutil::from_date(*timeutil::parse_date(*f.from)) - std::chrono::hours(7));
    if (f.to) {
      lf.received_to = timeutil::to_rfc3339(timeutil::from_date(*timeutil::parse_date(*f.to)) + std::chrono::hours(24 - 7));
    }
    lf.overdue_only = f.overdue;
    lf.assignee = f.assignee;
    lf.held = f.held;
    if (f.q) lf.q_like = "%" + db::escape_like(text::fold(*f.q)) + "%";
    lf.now = now();
    lf.page = f.page;
    lf.page_size = f.page_size;
    return repo::list(c, lf);
  });
}

StaffView TipsService::detail(const http::Principal& who, std::int64_t id) {
  access::require(who, "tips.read");
  return db_.read_value([&](db::Connection& c) {
    StaffView v;
    v.tip = staff_tip(c, who, id);
    v.timeline = repo::events(c, id, false);
    v.messages = repo::messages(c, id);
    v.attachments = repo::attachments(c, id);
    // Other tips shown here must be inside the caller's area too (a village officer sees
    // suggestions and merged threads from their own village only).
    for (auto& s : repo::suggestions(c, id))
      if (access::in_scope(who, s.unit_path)) v.suggestions.push_back(std::move(s));
    if (v.tip.duplicate_of) {
      auto d = repo::find(c, *v.tip.duplicate_of);
      if (d && access::in_scope(who, d->unit_path)) v.duplicate_of = std::make_pair(d->id, d->tracking_code);
    }
    for (auto& m : repo::merged_into(c, id)) {
      if (!access::in_scope(who, m.unit_path)) continue;
      auto msgs = repo::messages(c, m.id);
      v.merged.emplace_back(std::move(m), std::move(msgs));
    }
    for (const auto& e : v.timeline)
      if (e.kind == "extended") v.extensions.push_back(e);
    return v;
  });
}

std::vector<Assignee> TipsService::assignees(const http::Principal& who, std::int64_t id) {
  access::require(who, "tips.write");
  return db_.read_value([&](db::Connection& c) {
    const TipRecord t = staff_tip(c, who, id);
    std::vector<repo::Handler> found;
    for (auto& h : repo::branch_handlers(c, t.unit_path))
      if (access::in_scope(who, h.unit_path)) found.push_back(std::move(h));
    // Nearest first (the village's, then the commune's, … then nationwide accounts), then by name
    // in Vietnamese order.
    auto depth = [](const repo::Handler& h) { return std::count(h.unit_path.begin(), h.unit_path.end(), '/'); };
    auto name = [](const repo::Handler& h) { return text::sort_key(h.display_name.empty() ? h.username : h.display_name); };
    std::sort(found.begin(), found.end(), [&](const repo::Handler& a, const repo::Handler& b) {
      if (depth(a) != depth(b)) return depth(a) > depth(b);
      return name(a) < name(b);
    });
    std::vector<Assignee> out;
    for (auto& h : found) {
      out.push_back({std::move(h.username), std::move(h.display_name), std::move(h.unit_code), std::move(h.unit_name),
                     std::move(h.unit_full_name)});
    }
    return out;
  });
}

void TipsService::update(const http::Principal& who, std::int64_t id, const TipPatch& p, const std::string& request_id) {
  access::require(who, "tips.write");
  if (p.empty()) throw BadRequest("Không có thay đổi nào được gửi lên.");
  const auto now_tp = clock_();
  const std::string at = timeutil::to_rfc3339(now_tp);
  bool emailed = false;
  db_.write([&](db::Connection& c) {
    const TipRecord cur = staff_tip(c, who, id);
    if (cur.status == "closed" || cur.status == "rejected" || cur.status == "duplicate") {
      throw RuleViolation("Tin báo đã kết thúc (" + std::string(status_label(cur.status)) + "), không sửa được nữa.", "status");
    }
    repo::Update u = repo::update_from(cur);
    std::vector<TipEvent> events;
    std::vector<std::string> changed;
    std::vector<std::string> notify_assignee;

    if (p.assignee && p.assignee != cur.assignee) {
      auto user = accounts::repo::find_user(c, *p.assignee);
      const bool can_handle = user && !user->disabled && path_within(user->unit_path, cur.unit_path) && [&] {
        for (const auto& perm : accounts::repo::permissions(c, user->role))
          if (perm == "tips.write") return true;
        return false;
      }();
      if (!can_handle) {
        throw BadRequest("Cán bộ '" + *p.assignee + "' không có quyền xử lý tin báo ở đơn vị này.", "assignee");
      }
      u.assignee = *p.assignee;
      events.push_back({at, "assigned", std::nullopt, who.username, false, "", *p.assignee});
      changed.push_back("assignee");
      if (*p.assignee != who.username) notify_assignee.push_back(*p.assignee);
    }
    if (p.outcome) {
      u.outcome_valid = p.outcome->valid;
      u.cases_solved = p.outcome->cases_solved;
      u.suspects_arrested = p.outcome->suspects_arrested;
      u.wanted_caught = p.outcome->wanted_caught;
      u.transferred_to = p.outcome->transferred_to;
      u.decision = p.outcome->decision;
      if (p.outcome->public_note) u.public_note = *p.outcome->public_note;
      events.push_back({at, "outcome", std::nullopt, who.username, false, "", ""});
      changed.push_back("outcome");
    }
    if (p.transfer_required && *p.transfer_required != cur.transfer_required) {
      u.transfer_required = *p.transfer_required;
      if (u.transfer_required && !u.pass_on_due_at) {
        const auto received = *timeutil::parse_rfc3339(cur.received_at);
        const bool remote = rules_.remote_units.count(cur.unit_code) > 0 || [&] {
          for (const auto& a : units::repo::find_with_ancestors(c, cur.unit_code, std::nullopt))
            if (rules_.remote_units.count(a.code)) return true;
          return false;
        }();
        u.pass_on_due_at = timeutil::to_rfc3339(pass_on_due(rules_, received, remote));
      }
      events.push_back({at, "transfer_required", std::nullopt, who.username, false, "", u.transfer_required ? "1" : "0"});
      changed.push_back("transfer_required");
    }
    if (p.passed_on_to) {
      u.transfer_required = true;
      u.passed_on_at = at;
      u.passed_on_to = *p.passed_on_to;
      events.push_back({at, "passed_on", std::nullopt, who.username, true, "", *p.passed_on_to});
      changed.push_back("passed_on_to");
    }
    if (p.extend_until) {
      if (!is_open(cur.status)) throw RuleViolation("Chỉ gia hạn được tin báo đang giải quyết.", "extend");
      const auto received = *timeutil::parse_rfc3339(cur.received_at);
      const auto due = extended_due(rules_, received, *timeutil::parse_rfc3339(cur.settle_due_at), cur.extensions, *p.extend_until);
      u.settle_due_at = timeutil::to_rfc3339(due);
      u.extensions = cur.extensions + 1;
      events.push_back({at, "extended", std::nullopt, who.username, true, p.extend_reason.value_or(""), *p.extend_until});
      changed.push_back("extend");
    }
    if (p.duplicate_of) {
      if (*p.duplicate_of == id) throw BadRequest("Một tin báo không thể trùng với chính nó.", "duplicate_of");
      auto other = repo::find(c, *p.duplicate_of);
      if (!other || !access::in_scope(who, other->unit_path)) throw BadRequest("Không tìm thấy tin báo được chọn là bản chính.", "duplicate_of");
      if (other->status == "duplicate") {
        throw RuleViolation("Tin báo " + other->tracking_code + " cũng là tin trùng; hãy chọn tin báo gốc.", "duplicate_of");
      }
      u.duplicate_of = other->id;
      changed.push_back("duplicate_of");
    }
    if (p.reason) u.status_reason = *p.reason;

    // An assignment moves a tip that nobody handled yet to "assigned" on its own.
    std::string target = p.status.value_or(cur.status);
    if (!p.status && p.assignee && status_rank(cur.status) < status_rank("assigned")) target = "assigned";
    if (p.duplicate_of && target != "duplicate") {
      throw RuleViolation("Đánh dấu trùng cần gửi kèm \"status\": \"duplicate\".", "status");
    }
    if (target != cur.status) {
      const int from = status_rank(cur.status), to = status_rank(target);
      if (cur.status == "rejected" || cur.status == "duplicate" || cur.status == "closed") {
        throw RuleViolation("Tin báo đã kết thúc (" + std::string(status_label(cur.status)) + "), không đổi trạng thái được nữa.", "status");
      }
      if (to < from) throw RuleViolation("Không thể chuyển ngược trạng thái tin báo.", "status");
      if ((target == "rejected" || target == "duplicate") && !is_open(cur.status)) {
        throw RuleViolation("Tin báo đã giải quyết không thể chuyển thành không thụ lý hoặc trùng.", "status");
      }
      if (target == "assigned" && !u.assignee) throw RuleViolation("Hãy chọn cán bộ được phân công ('assignee').", "assignee");
      // "Tin báo có cơ sở" has no default: the officer says yes or no (a missing answer must not
      // count as either in the review figures).
      if ((target == "resolved" || target == "closed") && !u.outcome_valid) {
        throw BadRequest("Hãy ghi rõ tin báo có cơ sở hay không (outcome.valid: true hoặc false) trước khi giải quyết tin báo.",
                         "outcome.valid");
      }
      if (target == "rejected" && text::trim(u.status_reason).empty()) {
        throw RuleViolation("Hãy ghi lý do không thụ lý ('reason').", "reason");
      }
      if (target == "duplicate" && !u.duplicate_of) throw RuleViolation("Hãy chọn tin báo gốc ('duplicate_of').", "duplicate_of");
      u.status = target;
      events.push_back({at, "status", target, who.username, true, p.reason.value_or(""), ""});
      if ((target == "resolved" || target == "closed" || target == "rejected" || target == "duplicate") && !cur.decided_at) {
        u.decided_at = at;
        events.push_back({at, "decision", target, who.username, true, "", ""});
      }
      changed.push_back("status");
    }
    if (changed.empty()) return;  // nothing differs from what is stored
    u.updated_at = at;
    repo::update(c, id, u);
    for (const auto& e : events) repo::add_event(c, id, e);
    notifications::notify(c, notify_assignee, {"tip.assigned", "tip", std::to_string(id), cur.tracking_code});
    std::string details = "{\"changed\":[";
    for (std::size_t i = 0; i < changed.size(); ++i) details += (i ? ",\"" : "\"") + changed[i] + "\"";
    details += "],\"status\":\"" + u.status + "\"}";
    audit_.record(c, {who.username, "tip.update", "tip", std::to_string(id), cur.unit_path, cur.unit_code, "", request_id, details});
    if (u.status != cur.status) {
      TipRecord after = cur;
      after.status = u.status;
      notifications::enqueue(c, "webhook", options_.webhook_urls, "tip.status", webhook_payload("tip.status", after));
      // The reporter sees a new status (and with it any decision): one e-mail says so.
      emailed = notify::enqueue_update(c, id);
    }
  });
  if (emailed || !options_.webhook_urls.empty()) wake_outbox();
}

TipMessage TipsService::officer_message(const http::Principal& who, std::int64_t id, const std::string& body,
                                        const std::string& request_id) {
  access::require(who, "tips.write");
  bool emailed = false;
  TipMessage m = db_.write_value([&](db::Connection& c) {
    const TipRecord t = staff_tip(c, who, id);
    const std::string at = now();
    const auto mid = repo::add_message(c, id, at, "out", who.username, body);
    repo::add_event(c, id, {at, "message_out", std::nullopt, who.username, true, "", ""});
    audit_.record(c, {who.username, "tip.message", "tip", std::to_string(id), t.unit_path, t.unit_code, "", request_id, ""});
    emailed = notify::enqueue_update(c, id);
    return TipMessage{mid, id, at, "out", who.username, body};
  });
  if (emailed) wake_outbox();
  return m;
}

Reporter TipsService::reveal(const http::Principal& who, std::int64_t id, const std::string& reason,
                             const std::string& request_id) {
  return db_.write_value([&](db::Connection& c) {
    access::require(who, "tips.reveal");
    const TipRecord t = staff_tip(c, who, id);
    const auto sealed = repo::reporter_sealed(c, id);
    if (!sealed) throw RuleViolation("Tin báo ẩn danh: không có thông tin người báo.");
    const std::string plain = audit::reveal(c, audit_, keys_, who,
                                            {"tips.reveal", "tip", std::to_string(id), t.unit_path, t.unit_code, reason, request_id},
                                            *sealed, kReporterPurpose);
    const auto o = bj::parse(plain).as_object();
    auto field = [&](const char* k) { return o.contains(k) ? std::string(o.at(k).as_string()) : std::string(); };
    return Reporter{field("name"), field("phone"), field("email"), field("address")};
  });
}

StoredFile TipsService::attachment_file(const http::Principal& who, std::int64_t id, std::int64_t attachment_id) {
  access::require(who, "tips.read");
  auto [tip, a] = db_.read_value([&](db::Connection& c) {
    TipRecord t = staff_tip(c, who, id);
    auto att = repo::find_attachment(c, id, attachment_id);
    if (!att) throw NotFound("Không tìm thấy tệp đính kèm.");
    return std::make_pair(t, *att);
  });
  return {(fs::path(options_.attachments_dir) / a.stored_name).string(), a.media_type,
          "tin-bao-" + tip.tracking_code + "-" + std::to_string(a.id) + "." + media::extension(a.media_type)};
}

Category TipsService::add_category(const http::Principal& who, const Category& cat, const std::string& request_id) {
  if (who.role != "admin") throw Forbidden("Chỉ quản trị viên được sửa danh mục loại tin báo.");
  const auto owner = access::list_owner_for(who);
  return db_.write_value([&](db::Connection& c) {
    if (repo::find_category(c, cat.code)) throw Conflict("Loại tin báo '" + cat.code + "' đã có.", "code");
    Category stored = cat;
    stored.owner_path = owner;
    const auto all = repo::categories(c, true);
    stored.sort_order = 0;
    for (const auto& x : all)
      if (x.code != "other") stored.sort_order = std::max(stored.sort_order, x.sort_order + 10);
    repo::insert_category(c, stored);
    audit_.record(c, {who.username, "tip_category.create", "tip_category", cat.code, owner.value_or(""), owner ? who.unit_code : "", "",
                      request_id, ""});
    return stored;
  });
}

Category TipsService::edit_category(const http::Principal& who, const std::string& code, const std::optional<std::string>& label,
                                    const std::optional<std::string>& label_en, const std::optional<bool>& active,
                                    const std::string& request_id) {
  if (who.role != "admin") throw Forbidden("Chỉ quản trị viên được sửa danh mục loại tin báo.");
  return db_.write_value([&](db::Connection& c) {
    auto cat = repo::find_category(c, code);
    if (!cat) throw NotFound("Không tìm thấy loại tin báo '" + code + "'.");
    access::require_list_owner(who, cat->owner_path);
    if (label) cat->label = *label;
    if (label_en) cat->label_en = *label_en;
    if (active) cat->active = *active;
    repo::update_category(c, *cat);
    audit_.record(c, {who.username, "tip_category.update", "tip_category", code, "", "", "", request_id, ""});
    return *cat;
  });
}

}  // namespace antq::tips
