#include <boost/json.hpp>

#include <stdexcept>

#include "core/errors.hpp"
#include "core/time.hpp"
#include "http/access.hpp"
#include "modules/reintegration/reintegration_repository.hpp"
#include "modules/reintegration/reintegration_service.hpp"

// Sessions with a person: who helped and what was said, sealed at rest.
namespace antq::reintegration {

namespace bj = boost::json;

namespace {

constexpr const char* kHelpersPurpose = "reintegration_session.helpers";
constexpr const char* kNotesPurpose = "reintegration_session.notes";

bj::value opened(const crypto::Keyring& keys, const repo::Session& s, const std::optional<std::string>& sealed, const char* purpose) {
  if (!sealed) return nullptr;
  auto plain = keys.open(*sealed, purpose);
  if (!plain) throw std::runtime_error("reintegration session " + std::to_string(s.id) + ": sealed field does not open");
  return bj::string(*plain);
}

std::optional<std::string> sealed_or_null(const crypto::Keyring& keys, const std::optional<std::string>& v, const char* purpose) {
  if (!v || v->empty()) return std::nullopt;
  return keys.seal(*v, purpose);
}

}  // namespace

bj::array ReintegrationService::sessions_in(db::Connection& c, std::int64_t id, bool with_identity) const {
  bj::array out;
  for (const auto& s : repo::sessions(c, id)) {
    bj::object o{{"id", std::to_string(s.id)}, {"date", s.date}, {"kind", s.kind}, {"created_by", s.created_by}};
    if (with_identity) {
      o["helpers"] = opened(keys_, s, s.helpers, kHelpersPurpose);
      o["notes"] = opened(keys_, s, s.notes, kNotesPurpose);
    } else {
      o["has_notes"] = s.helpers.has_value() || s.notes.has_value();
    }
    out.push_back(std::move(o));
  }
  return out;
}

bj::array ReintegrationService::sessions(const http::Principal& who, std::int64_t id) {
  access::require(who, people_.spec().read_permission);
  const auto person = people_.get(who, id);
  const bool with_identity = people_.sees_sealed(who, person);
  return db_.read_value([&](db::Connection& c) { return sessions_in(c, id, with_identity); });
}

bj::array ReintegrationService::add_session(const http::Principal& who, std::int64_t id, const NewSession& in,
                                            const std::string& request_id) {
  access::require(who, people_.spec().write_permission);
  const auto person = people_.get(who, id);
  const bool with_identity = people_.sees_sealed(who, person);
  return db_.write_value([&](db::Connection& c) {
    const auto sid = add_session_in(c, who, id, in);
    audit_.record(c, {who.username, "reintegration_person.session", people_.spec().entity, std::to_string(id), person.unit_path,
                      person.unit_code, "", request_id, "{\"session\":" + std::to_string(sid) + "}"});
    return sessions_in(c, id, with_identity);
  });
}

std::int64_t ReintegrationService::add_session_in(db::Connection& c, const http::Principal& who, std::int64_t id,
                                                  const NewSession& in) const {
  const auto p = people_.get_in(c, who, id);  // still there, still in scope
  if (in.date > timeutil::today_vietnam()) throw BadRequest("Ngày gặp gỡ sau ngày hôm nay.", "date");
  if (in.date < std::string(p.values.at("start_date").as_string())) {
    throw BadRequest("Ngày gặp gỡ trước ngày bắt đầu giúp đỡ.", "date");
  }
  return repo::insert_session(c, id,
                              {0, in.date, in.kind, sealed_or_null(keys_, in.helpers, kHelpersPurpose),
                               sealed_or_null(keys_, in.notes, kNotesPurpose), who.username});
}

bool ReintegrationService::has_session_in(db::Connection& c, const http::Principal& who, std::int64_t session_id) const {
  const auto person = repo::person_of_session(c, session_id);
  if (!person) return false;
  try {
    people_.get_in(c, who, *person);
    return true;
  } catch (const NotFound&) {
    return false;
  }
}

bool ReintegrationService::remove_session_in(db::Connection& c, const http::Principal& who, std::int64_t session_id) const {
  if (!has_session_in(c, who, session_id)) return false;
  return repo::delete_session(c, *repo::person_of_session(c, session_id), session_id);
}

void ReintegrationService::delete_session(const http::Principal& who, std::int64_t id, std::int64_t session_id,
                                          const std::string& request_id) {
  access::require(who, people_.spec().write_permission);
  db_.write([&](db::Connection& c) {
    const auto p = people_.get_in(c, who, id);
    if (!repo::delete_session(c, id, session_id)) throw NotFound("Không tìm thấy lượt gặp gỡ này.");
    audit_.record(c, {who.username, "reintegration_person.session_delete", people_.spec().entity, std::to_string(id), p.unit_path,
                      p.unit_code, "", request_id, "{\"session\":" + std::to_string(session_id) + "}"});
  });
}

}  // namespace antq::reintegration
