// TipsService, the staff side: the inbox and a tip's detail, who may take it, the update that
// moves it (status through tip_workflow.cpp, assignment, deadlines, outcome, duplicates), the
// officer's messages, releasing a tip held during a flood and the audited reveal of the reporter.
#include <algorithm>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "core/tree_path.hpp"
#include "http/access.hpp"
#include "modules/accounts/accounts_repository.hpp"
#include "modules/audit/reveal.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/notifications/outbox.hpp"
#include "modules/tips/tip_json.hpp"
#include "modules/tips/tip_notify.hpp"
#include "modules/tips/tip_secrets.hpp"
#include "modules/tips/tip_workflow.hpp"
#include "modules/tips/tips_repository.hpp"
#include "modules/tips/tips_service.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::tips {

namespace {

constexpr const char* kNotFound = "Không tìm thấy tin báo.";

// What an update changes: the row to store, the timeline events, the audit's list of fields and
// who to tell they were given the tip.
struct Changes {
  repo::Update u;
  std::vector<TipEvent> events;
  std::vector<std::string> changed;
  std::vector<std::string> notify_assignee;
};

bool may_handle(db::Connection& c, const std::string& username, const std::string& unit_path) {
  auto user = accounts::repo::find_user(c, username);
  if (!user || user->disabled || !path_within(user->unit_path, unit_path)) return false;
  for (const auto& perm : accounts::repo::permissions(c, user->role))
    if (perm == "tips.write") return true;
  return false;
}

void assign(db::Connection& c, const TipRecord& cur, const TipPatch& p, const std::string& actor, const std::string& at, Changes& ch) {
  if (!p.assignee || p.assignee == cur.assignee) return;
  if (!may_handle(c, *p.assignee, cur.unit_path)) {
    throw BadRequest("Cán bộ '" + *p.assignee + "' không có quyền xử lý tin báo ở đơn vị này.", "assignee");
  }
  ch.u.assignee = *p.assignee;
  ch.events.push_back({at, "assigned", std::nullopt, actor, false, "", *p.assignee});
  ch.changed.push_back("assignee");
  if (*p.assignee != actor) ch.notify_assignee.push_back(*p.assignee);
}

void record_outcome(const TipPatch& p, const std::string& actor, const std::string& at, Changes& ch) {
  if (!p.outcome) return;
  ch.u.outcome_valid = p.outcome->valid;
  ch.u.cases_solved = p.outcome->cases_solved;
  ch.u.suspects_arrested = p.outcome->suspects_arrested;
  ch.u.wanted_caught = p.outcome->wanted_caught;
  ch.u.transferred_to = p.outcome->transferred_to;
  ch.u.decision = p.outcome->decision;
  if (p.outcome->public_note) ch.u.public_note = *p.outcome->public_note;
  ch.events.push_back({at, "outcome", std::nullopt, actor, false, "", ""});
  ch.changed.push_back("outcome");
}

// A unit the rules list as remote (or one under it) gets longer to pass a tip on.
bool is_remote(db::Connection& c, const DeadlineRules& rules, const std::string& unit_code) {
  if (rules.remote_units.count(unit_code)) return true;
  for (const auto& a : units::repo::find_with_ancestors(c, unit_code, std::nullopt))
    if (rules.remote_units.count(a.code)) return true;
  return false;
}

// Transfer to the competent body, passing on, and extensions of the time to settle.
void apply_deadlines(db::Connection& c, const DeadlineRules& rules, const TipRecord& cur, const TipPatch& p, const std::string& actor,
                     const std::string& at, Changes& ch) {
  if (p.transfer_required && *p.transfer_required != cur.transfer_required) {
    ch.u.transfer_required = *p.transfer_required;
    if (ch.u.transfer_required && !ch.u.pass_on_due_at) {
      const auto received = *timeutil::parse_rfc3339(cur.received_at);
      ch.u.pass_on_due_at = timeutil::to_rfc3339(pass_on_due(rules, received, is_remote(c, rules, cur.unit_code)));
    }
    ch.events.push_back({at, "transfer_required", std::nullopt, actor, false, "", ch.u.transfer_required ? "1" : "0"});
    ch.changed.push_back("transfer_required");
  }
  if (p.passed_on_to) {
    ch.u.transfer_required = true;
    ch.u.passed_on_at = at;
    ch.u.passed_on_to = *p.passed_on_to;
    ch.events.push_back({at, "passed_on", std::nullopt, actor, true, "", *p.passed_on_to});
    ch.changed.push_back("passed_on_to");
  }
  if (p.extend_until) {
    if (!is_open(cur.status)) throw RuleViolation("Chỉ gia hạn được tin báo đang giải quyết.", "extend");
    const auto received = *timeutil::parse_rfc3339(cur.received_at);
    const auto due = extended_due(rules, received, *timeutil::parse_rfc3339(cur.settle_due_at), cur.extensions, *p.extend_until);
    ch.u.settle_due_at = timeutil::to_rfc3339(due);
    ch.u.extensions = cur.extensions + 1;
    ch.events.push_back({at, "extended", std::nullopt, actor, true, p.extend_reason.value_or(""), *p.extend_until});
    ch.changed.push_back("extend");
  }
}

void mark_duplicate(db::Connection& c, const http::Principal& who, std::int64_t id, const TipPatch& p, Changes& ch) {
  if (!p.duplicate_of) return;
  if (*p.duplicate_of == id) throw BadRequest("Một tin báo không thể trùng với chính nó.", "duplicate_of");
  auto other = repo::find(c, *p.duplicate_of);
  if (!other || !access::in_scope(who, other->unit_path))
    throw BadRequest("Không tìm thấy tin báo được chọn là bản chính.", "duplicate_of");
  if (other->status == "duplicate") {
    throw RuleViolation("Tin báo " + other->tracking_code + " cũng là tin trùng; hãy chọn tin báo gốc.", "duplicate_of");
  }
  ch.u.duplicate_of = other->id;
  ch.changed.push_back("duplicate_of");
}

void move_status(const TipRecord& cur, const TipPatch& p, const std::string& actor, const std::string& at, Changes& ch) {
  workflow::Move m;
  m.from = cur.status;
  m.to = p.status;
  m.assignee_given = p.assignee.has_value();
  m.duplicate_given = p.duplicate_of.has_value();
  m.has_assignee = ch.u.assignee.has_value();
  m.has_outcome = ch.u.outcome_valid.has_value();
  m.reason = ch.u.status_reason;
  m.has_duplicate_of = ch.u.duplicate_of.has_value();
  m.decided = cur.decided_at.has_value();
  const workflow::Next next = workflow::next(m);
  if (next.status == cur.status) return;
  ch.u.status = next.status;
  ch.events.push_back({at, "status", next.status, actor, true, p.reason.value_or(""), ""});
  if (next.decides) {
    ch.u.decided_at = at;
    ch.events.push_back({at, "decision", next.status, actor, true, "", ""});
  }
  ch.changed.push_back("status");
}

std::string update_details(const Changes& ch) {
  std::string details = "{\"changed\":[";
  for (std::size_t i = 0; i < ch.changed.size(); ++i) details += (i ? ",\"" : "\"") + ch.changed[i] + "\"";
  return details + "],\"status\":\"" + ch.u.status + "\"}";
}

}  // namespace

TipRecord TipsService::staff_tip(db::Connection& c, const http::Principal& who, std::int64_t id) const {
  auto t = repo::find(c, id);
  if (!t || !access::in_scope(who, t->unit_path)) throw NotFound(kNotFound);
  return *t;
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
    v.attachments = files_.list(c, id);
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
      out.push_back(
          {std::move(h.username), std::move(h.display_name), std::move(h.unit_code), std::move(h.unit_name), std::move(h.unit_full_name)});
    }
    return out;
  });
}

void TipsService::update(const http::Principal& who, std::int64_t id, const TipPatch& p, const std::string& request_id) {
  access::require(who, "tips.write");
  if (p.empty()) throw BadRequest("Không có thay đổi nào được gửi lên.");
  const std::string at = now();
  bool emailed = false;
  db_.write([&](db::Connection& c) {
    const TipRecord cur = staff_tip(c, who, id);
    workflow::require_editable(cur.status);
    Changes ch{repo::update_from(cur), {}, {}, {}};
    assign(c, cur, p, who.username, at, ch);
    record_outcome(p, who.username, at, ch);
    apply_deadlines(c, rules_, cur, p, who.username, at, ch);
    mark_duplicate(c, who, id, p, ch);
    if (p.reason) ch.u.status_reason = *p.reason;
    move_status(cur, p, who.username, at, ch);
    if (ch.changed.empty()) return;  // nothing differs from what is stored
    ch.u.updated_at = at;
    repo::update(c, id, ch.u);
    for (const auto& e : ch.events) repo::add_event(c, id, e);
    notifications::notify(c, ch.notify_assignee, {"tip.assigned", "tip", std::to_string(id), cur.tracking_code});
    audit_.record(
        c, {who.username, "tip.update", "tip", std::to_string(id), cur.unit_path, cur.unit_code, "", request_id, update_details(ch)});
    if (ch.u.status != cur.status) {
      TipRecord after = cur;
      after.status = ch.u.status;
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

Reporter TipsService::reveal(const http::Principal& who, std::int64_t id, const std::string& reason, const std::string& request_id) {
  return db_.write_value([&](db::Connection& c) {
    access::require(who, "tips.reveal");
    const TipRecord t = staff_tip(c, who, id);
    const auto sealed = repo::reporter_sealed(c, id);
    if (!sealed) throw RuleViolation("Tin báo ẩn danh: không có thông tin người báo.");
    const std::string plain =
        audit::reveal(c, audit_, keys_, who, {"tips.reveal", "tip", std::to_string(id), t.unit_path, t.unit_code, reason, request_id},
                      *sealed, kReporterPurpose);
    return reporter_from_json(plain);
  });
}

}  // namespace antq::tips
