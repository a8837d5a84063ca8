#include "modules/reintegration/reintegration_service.hpp"

#include <boost/json.hpp>

#include "http/access.hpp"
#include "modules/audit/reveal.hpp"
#include "modules/reintegration/reintegration_repository.hpp"

namespace antq::reintegration {

namespace bj = boost::json;

namespace {

// The sealed fields of a person, in clear.
bj::object identity(const registers::RegisterService& people, const registers::Record& r) {
  bj::object o;
  for (const auto& f : people.spec().fields)
    if (f.sealed) o[f.name] = r.values.at(f.name);
  return o;
}

}  // namespace

std::pair<std::vector<registers::Record>, std::int64_t> ReintegrationService::search(const http::Principal& who,
                                                                                     const registers::ListQuery& q,
                                                                                     const std::string& request_id) {
  auto found = people_.list(who, q);
  // Who looked for someone is itself worth knowing; the terms are not written down.
  db_.write([&](db::Connection& c) {
    audit_.record(c, {who.username, "reintegration_person.search", "reintegration_person", "", who.unit_path, who.unit_code, "", request_id,
                      "{\"found\":" + std::to_string(found.second) + "}"});
  });
  return found;
}

bj::object ReintegrationService::reveal(const http::Principal& who, std::int64_t id, const std::string& reason,
                                        const std::string& request_id) {
  return db_.write_value([&](db::Connection& c) {
    // Outside the area or without the right to read the register: the same 404 as a missing id.
    access::require(who, people_.spec().read_permission);
    const auto r = people_.get_in(c, who, id);
    audit::authorize_reveal(
        c, audit_, who, {"reintegration.reveal", people_.spec().entity, std::to_string(id), r.unit_path, r.unit_code, reason, request_id});
    bj::object o = identity(people_, r);
    o["sessions"] = sessions_in(c, id, true);
    return o;
  });
}

bj::array ReintegrationService::status_history(const http::Principal& who, std::int64_t id) {
  access::require(who, people_.spec().read_permission);
  return db_.read_value([&](db::Connection& c) {
    people_.get_in(c, who, id);
    bj::array items;
    for (const auto& h : repo::status_history(c, id)) {
      items.push_back(bj::object{{"status", h.status}, {"on", h.changed_on}, {"by", h.changed_by}});
    }
    return items;
  });
}

}  // namespace antq::reintegration
