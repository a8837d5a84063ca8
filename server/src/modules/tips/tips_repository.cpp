#include "modules/tips/tips_repository.hpp"
#include "modules/tips/tips_repository.sql.hpp"

namespace antq::tips::repo {

namespace {

constexpr const char* kColumns =
    "t.id, t.tracking_code, t.unit_id, un.code, un.name, un.full_name, un.path, t.category, t.channel, t.description, "
    "t.place, t.lat, t.lng, t.occurred_at, t.anonymous, CASE WHEN t.reporter_sealed IS NULL THEN 0 ELSE 1 END, "
    "t.status, t.status_reason, t.assignee, t.received_at, t.received_by, t.settle_due_at, t.extensions, "
    "t.transfer_required, t.pass_on_due_at, t.passed_on_at, t.passed_on_to, t.outcome_valid, t.cases_solved, "
    "t.suspects_arrested, t.wanted_caught, t.transferred_to, t.decision, t.public_note, t.decided_at, t.duplicate_of, "
    "(SELECT COUNT(*) FROM tip_duplicate_suggestions s WHERE s.tip_id = t.id OR s.other_id = t.id), t.held_for_review "
    "FROM tips t JOIN units un ON un.id = t.unit_id ";

using namespace antq::sql::tips::tips_repository;  // the statements: tips_repository.sql

constexpr const char* kOverdue =
    " AND t.status IN ('received', 'verifying', 'assigned') AND (t.settle_due_at < $N OR (t.transfer_required = 1 AND "
    "t.passed_on_at IS NULL AND t.pass_on_due_at < $N))";

db::Value opt(const std::optional<std::string>& v) { return v ? db::Value(*v) : db::Value(nullptr); }
db::Value opt(const std::optional<double>& v) { return v ? db::Value(*v) : db::Value(nullptr); }
db::Value opt(const std::optional<std::int64_t>& v) { return v ? db::Value(*v) : db::Value(nullptr); }

std::optional<double> opt_real(const db::Row& r, std::size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return r.real(i);
}

TipRecord to_tip(const db::Row& r) {
  TipRecord t;
  t.id = r.integer(0);
  t.tracking_code = r.text(1);
  t.unit_id = r.integer(2);
  t.unit_code = r.text(3);
  t.unit_name = r.text(4);
  t.unit_full_name = r.text(5);
  t.unit_path = r.text(6);
  t.category = r.text(7);
  t.channel = r.text(8);
  t.description = r.text(9);
  t.place = r.text(10);
  t.lat = opt_real(r, 11);
  t.lng = opt_real(r, 12);
  t.occurred_at = r.opt_text(13);
  t.anonymous = r.integer(14) != 0;
  t.has_reporter = r.integer(15) != 0;
  t.status = r.text(16);
  t.status_reason = r.text(17);
  t.assignee = r.opt_text(18);
  t.received_at = r.text(19);
  t.received_by = r.opt_text(20);
  t.settle_due_at = r.text(21);
  t.extensions = static_cast<int>(r.integer(22));
  t.transfer_required = r.integer(23) != 0;
  t.pass_on_due_at = r.opt_text(24);
  t.passed_on_at = r.opt_text(25);
  t.passed_on_to = r.opt_text(26);
  if (!r.is_null(27)) t.outcome_valid = r.integer(27) != 0;
  t.cases_solved = r.integer(28);
  t.suspects_arrested = r.integer(29);
  t.wanted_caught = r.integer(30);
  t.transferred_to = r.opt_text(31);
  t.decision = r.opt_text(32);
  t.public_note = r.text(33);
  t.decided_at = r.opt_text(34);
  t.duplicate_of = r.opt_integer(35);
  t.suggestion_count = r.integer(36);
  t.held_for_review = r.integer(37) != 0;
  return t;
}

std::optional<TipRecord> first(const db::Result& r) {
  if (r.rows.empty()) return std::nullopt;
  return to_tip(r.rows[0]);
}

}  // namespace

std::int64_t insert_tip(db::Connection& c, const InsertTip& t) {
  return c
      .execute(kInsert, {t.tracking_code, t.secret_hash, t.unit_id, t.category, t.channel, t.description, t.search_text, t.place,
                         opt(t.lat), opt(t.lng), opt(t.occurred_at), std::int64_t{t.anonymous ? 1 : 0}, opt(t.reporter_sealed),
                         t.received_at, opt(t.received_by), t.settle_due_at, std::int64_t{t.held_for_review ? 1 : 0}})
      .rows[0]
      .integer(0);
}

void release_hold(db::Connection& c, std::int64_t id, const std::string& now) {
  c.query("UPDATE tips SET held_for_review = 0, updated_at = $2 WHERE id = $1", id, now);
}

std::optional<TipRecord> find(db::Connection& c, std::int64_t id) {
  return first(c.query(std::string("SELECT ") + kColumns + "WHERE t.id = $1", id));
}

std::optional<TipRecord> find_by_code(db::Connection& c, const std::string& code) {
  return first(c.query(std::string("SELECT ") + kColumns + "WHERE t.tracking_code = $1", code));
}

std::optional<std::string> secret_hash(db::Connection& c, std::int64_t id) {
  auto r = c.query("SELECT secret_hash FROM tips WHERE id = $1", id);
  if (r.rows.empty()) return std::nullopt;
  return r.rows[0].text(0);
}

std::optional<std::string> reporter_sealed(db::Connection& c, std::int64_t id) {
  auto r = c.query("SELECT reporter_sealed FROM tips WHERE id = $1", id);
  if (r.rows.empty()) return std::nullopt;
  return r.rows[0].opt_text(0);
}

std::pair<std::vector<TipRecord>, std::int64_t> list(db::Connection& c, const ListFilter& f) {
  std::string where = "WHERE un.path >= $1 AND un.path < $2";
  std::vector<db::Value> params{f.scope.lo, f.scope.hi};
  auto param = [&](db::Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  auto in_list = [&](const char* column, const std::vector<std::string>& values) {
    if (values.empty()) return;
    where += std::string(" AND ") + column + " IN (";
    for (std::size_t i = 0; i < values.size(); ++i) where += (i ? ", " : "") + param(values[i]);
    where += ")";
  };
  in_list("t.status", f.statuses);
  in_list("t.category", f.categories);
  if (f.received_from) where += " AND t.received_at >= " + param(*f.received_from);
  if (f.received_to) where += " AND t.received_at < " + param(*f.received_to);
  if (f.assignee) where += " AND t.assignee = " + param(*f.assignee);
  if (f.held) where += *f.held ? " AND t.held_for_review = 1" : " AND t.held_for_review = 0";
  if (f.q_like) where += " AND t.search_text LIKE " + param(*f.q_like) + " ESCAPE '\\'";
  if (f.overdue_only) {
    std::string clause = kOverdue;
    const std::string p = param(f.now);
    for (auto pos = clause.find("$N"); pos != std::string::npos; pos = clause.find("$N")) clause.replace(pos, 2, p);
    where += clause;
  }
  const std::int64_t total =
      c.execute("SELECT COUNT(*) FROM tips t JOIN units un ON un.id = t.unit_id " + where, params).rows[0].integer(0);
  std::vector<db::Value> page_params = params;
  page_params.emplace_back(std::int64_t{f.page_size});
  page_params.emplace_back(std::int64_t{(f.page - 1) * f.page_size});
  // The list's count of likely duplicates counts only tips the caller may see.
  std::string columns = kColumns;
  const std::string all_count = "(SELECT COUNT(*) FROM tip_duplicate_suggestions s WHERE s.tip_id = t.id OR s.other_id = t.id)";
  const std::string lo = "$" + std::to_string(params.size() + 3), hi = "$" + std::to_string(params.size() + 4);
  columns.replace(columns.find(all_count), all_count.size(),
                  "(SELECT COUNT(*) FROM tip_duplicate_suggestions s JOIN tips o ON o.id = CASE WHEN s.tip_id = t.id THEN "
                  "s.other_id ELSE s.tip_id END JOIN units ou ON ou.id = o.unit_id WHERE (s.tip_id = t.id OR s.other_id = t.id) "
                  "AND ou.path >= " +
                      lo + " AND ou.path < " + hi + ")");
  page_params.emplace_back(f.caller_scope.lo);
  page_params.emplace_back(f.caller_scope.hi);
  const std::string sql = std::string("SELECT ") + columns + where + " ORDER BY t.received_at DESC, t.id DESC LIMIT $" +
                          std::to_string(params.size() + 1) + " OFFSET $" + std::to_string(params.size() + 2);
  std::vector<TipRecord> out;
  for (const auto& r : c.execute(sql, page_params).rows) out.push_back(to_tip(r));
  return {std::move(out), total};
}

Update update_from(const TipRecord& t) {
  Update u;
  u.status = t.status;
  u.status_reason = t.status_reason;
  u.assignee = t.assignee;
  u.outcome_valid = t.outcome_valid;
  u.cases_solved = t.cases_solved;
  u.suspects_arrested = t.suspects_arrested;
  u.wanted_caught = t.wanted_caught;
  u.transferred_to = t.transferred_to;
  u.decision = t.decision;
  u.public_note = t.public_note;
  u.decided_at = t.decided_at;
  u.duplicate_of = t.duplicate_of;
  u.settle_due_at = t.settle_due_at;
  u.extensions = t.extensions;
  u.transfer_required = t.transfer_required;
  u.pass_on_due_at = t.pass_on_due_at;
  u.passed_on_at = t.passed_on_at;
  u.passed_on_to = t.passed_on_to;
  return u;
}

void update(db::Connection& c, std::int64_t id, const Update& u) {
  c.execute(kUpdate, {id,
                      u.status,
                      u.status_reason,
                      opt(u.assignee),
                      u.outcome_valid ? db::Value(std::int64_t{*u.outcome_valid ? 1 : 0}) : db::Value(nullptr),
                      u.cases_solved,
                      u.suspects_arrested,
                      u.wanted_caught,
                      opt(u.transferred_to),
                      opt(u.decision),
                      u.public_note,
                      opt(u.decided_at),
                      opt(u.duplicate_of),
                      u.settle_due_at,
                      std::int64_t{u.extensions},
                      std::int64_t{u.transfer_required ? 1 : 0},
                      opt(u.pass_on_due_at),
                      opt(u.passed_on_at),
                      opt(u.passed_on_to),
                      u.updated_at});
}

void add_event(db::Connection& c, std::int64_t tip_id, const TipEvent& e) {
  c.execute("INSERT INTO tip_events (tip_id, at, kind, status, actor, public, note, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            {tip_id, e.at, e.kind, opt(e.status), opt(e.actor), std::int64_t{e.is_public ? 1 : 0}, e.note, e.detail});
}

std::vector<TipEvent> events(db::Connection& c, std::int64_t tip_id, bool public_only) {
  std::vector<TipEvent> out;
  const std::string sql = std::string("SELECT at, kind, status, actor, public, note, detail FROM tip_events WHERE tip_id = $1") +
                          (public_only ? " AND public = 1" : "") + " ORDER BY id";
  for (const auto& r : c.query(sql, tip_id).rows) {
    out.push_back({r.text(0), r.text(1), r.opt_text(2), r.opt_text(3), r.integer(4) != 0, r.text(5), r.text(6)});
  }
  return out;
}

std::int64_t add_message(db::Connection& c, std::int64_t tip_id, const std::string& at, const std::string& direction,
                         const std::optional<std::string>& author, const std::string& body) {
  return c
      .execute("INSERT INTO tip_messages (tip_id, at, direction, author, body) VALUES ($1, $2, $3, $4, $5) RETURNING id",
               {tip_id, at, direction, opt(author), body})
      .rows[0]
      .integer(0);
}

std::vector<TipMessage> messages(db::Connection& c, std::int64_t tip_id) {
  std::vector<TipMessage> out;
  for (const auto& r :
       c.query("SELECT id, tip_id, at, direction, author, body FROM tip_messages WHERE tip_id = $1 ORDER BY id", tip_id).rows) {
    out.push_back({r.integer(0), r.integer(1), r.text(2), r.text(3), r.opt_text(4), r.text(5)});
  }
  return out;
}

std::vector<Suggestion> suggestions(db::Connection& c, std::int64_t tip_id) {
  std::vector<Suggestion> out;
  const char* sql =
      "SELECT o.id, o.tracking_code, s.score, o.description, o.received_at, o.status, un.path FROM tip_duplicate_suggestions s "
      "JOIN tips o ON o.id = CASE WHEN s.tip_id = $1 THEN s.other_id ELSE s.tip_id END JOIN units un ON un.id = o.unit_id "
      "WHERE s.tip_id = $1 OR s.other_id = $1 ORDER BY s.score DESC LIMIT 10";
  for (const auto& r : c.query(sql, tip_id).rows) {
    out.push_back({r.integer(0), r.text(1), r.real(2), excerpt(r.text(3)), r.text(4), r.text(5), r.text(6)});
  }
  return out;
}

std::vector<TipRecord> merged_into(db::Connection& c, std::int64_t tip_id) {
  std::vector<TipRecord> out;
  for (const auto& r : c.query(std::string("SELECT ") + kColumns + "WHERE t.duplicate_of = $1 ORDER BY t.id", tip_id).rows) {
    out.push_back(to_tip(r));
  }
  return out;
}

std::vector<std::string> local_handlers(db::Connection& c, const std::string& unit_path) {
  // Home units on the tip's branch (a prefix of its path) at commune level or below.
  const char* sql =
      "SELECT u.username FROM users u JOIN units un ON un.id = u.unit_id "
      "JOIN role_permissions rp ON rp.role = u.role AND rp.permission = 'tips.write' "
      "WHERE u.disabled = 0 AND un.kind IN ('commune', 'village', 'establishment') "
      "AND CAST($1 AS TEXT) LIKE un.path || '%' ORDER BY u.username";
  std::vector<std::string> out;
  for (const auto& r : c.query(sql, unit_path).rows) out.push_back(r.text(0));
  return out;
}

std::vector<Handler> branch_handlers(db::Connection& c, const std::string& unit_path) {
  const char* sql =
      "SELECT u.username, u.display_name, un.code, un.name, un.full_name, un.path FROM users u "
      "LEFT JOIN units un ON un.id = u.unit_id "
      "JOIN role_permissions rp ON rp.role = u.role AND rp.permission = 'tips.write' "
      "WHERE u.disabled = 0 AND (u.unit_id IS NULL OR CAST($1 AS TEXT) LIKE un.path || '%') ORDER BY u.username";
  std::vector<Handler> out;
  for (const auto& r : c.query(sql, unit_path).rows) {
    out.push_back({r.text(0), r.opt_text(1).value_or(""), r.opt_text(2), r.opt_text(3), r.opt_text(4), r.opt_text(5).value_or("")});
  }
  return out;
}

void mark_imported(db::Connection& c, std::int64_t id) { c.query(kMarkImported, id); }

bool touched_since_import(db::Connection& c, std::int64_t id) { return c.query(kTouchedSinceImport, id).rows[0].integer(0) > 0; }

void remove_imported(db::Connection& c, std::int64_t id) {
  c.query(kDeleteSuggestions, id);
  c.query(kDeleteEvents, id);
  c.query(kDeleteTip, id);
}

}  // namespace antq::tips::repo
