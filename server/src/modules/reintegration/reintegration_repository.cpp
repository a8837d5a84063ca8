#include "modules/reintegration/reintegration_repository.hpp"

#include "core/time.hpp"

namespace antq::reintegration::repo {

namespace {

constexpr const char* kHistory =
    "SELECT status, changed_on, changed_by FROM reintegration_status_changes WHERE person_id = $1 ORDER BY changed_on, id";
constexpr const char* kSessions =
    "SELECT id, date, kind, helpers, notes, created_by FROM reintegration_sessions WHERE person_id = $1 ORDER BY date DESC, id DESC";
constexpr const char* kInsertSession =
    "INSERT INTO reintegration_sessions (person_id, date, kind, helpers, notes, created_by, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr const char* kDeleteSession = "DELETE FROM reintegration_sessions WHERE id = $1 AND person_id = $2 RETURNING id";

db::Value or_null(const std::optional<std::string>& v) { return v ? db::Value(*v) : db::Value(nullptr); }

}  // namespace

std::vector<StatusChange> status_history(db::Connection& c, std::int64_t person_id) {
  std::vector<StatusChange> out;
  for (const auto& r : c.query(kHistory, person_id).rows) out.push_back({r.text(0), r.text(1), r.text(2)});
  return out;
}

std::vector<Session> sessions(db::Connection& c, std::int64_t person_id) {
  std::vector<Session> out;
  for (const auto& r : c.query(kSessions, person_id).rows) {
    out.push_back({r.integer(0), r.text(1), r.text(2), r.opt_text(3), r.opt_text(4), r.text(5)});
  }
  return out;
}

std::int64_t insert_session(db::Connection& c, std::int64_t person_id, const Session& s) {
  return c.query(kInsertSession, person_id, s.date, s.kind, or_null(s.helpers), or_null(s.notes), s.created_by, timeutil::now_utc())
      .rows[0]
      .integer(0);
}

bool delete_session(db::Connection& c, std::int64_t person_id, std::int64_t session_id) {
  return !c.query(kDeleteSession, session_id, person_id).rows.empty();
}

}  // namespace antq::reintegration::repo
