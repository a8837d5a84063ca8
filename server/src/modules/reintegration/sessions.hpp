#pragma once
// Sessions with a person (C7): a home visit, an education session or material support. Each one
// is one *lượt* in reports. Who helped and what was said are sealed with the person's identity.
#include <boost/json/array.hpp>

#include "core/keyring.hpp"
#include "http/router.hpp"
#include "modules/registers/register_service.hpp"

namespace antq::reintegration::sessions {

// The person's sessions, newest first; `helpers` and `notes` in clear only when `with_identity`.
boost::json::array list(db::Connection& c, const crypto::Keyring& keys, std::int64_t person_id, bool with_identity);

// GET|POST /api/v1/reintegration/people/{id}/sessions, DELETE …/sessions/{sid}.
void register_routes(http::Router& router, registers::RegisterService& people, db::Database& db, const crypto::Keyring& keys,
                     const audit::AuditLog& audit);

}  // namespace antq::reintegration::sessions
