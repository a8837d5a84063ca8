#include "modules/reintegration/reintegration_repository.hpp"

#include "core/time.hpp"
#include "modules/reintegration/reintegration_repository.sql.hpp"

namespace antq::reintegration::repo {

namespace {

using namespace antq::sql::reintegration::reintegration_repository;  // the statements: reintegration_repository.sql

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

std::optional<std::int64_t> person_of_session(db::Connection& c, std::int64_t session_id) {
  const auto r = c.query(kPersonOfSession, session_id);
  if (r.rows.empty()) return std::nullopt;
  return r.rows[0].integer(0);
}

}  // namespace antq::reintegration::repo
