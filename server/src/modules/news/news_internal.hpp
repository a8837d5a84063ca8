#pragma once
// What news_service.cpp and news_workflow.cpp share: finding a post or a unit in the caller's
// area, and the audit entry of an act on a post.
#include <string>

#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/news/post.hpp"
#include "modules/units/unit.hpp"

namespace antq::news {

// 404 when the post does not exist or lies outside the caller's area.
Post load_in_scope(db::Connection& c, const http::Principal& who, std::int64_t id);
// An active unit inside the caller's area, else 404.
units::Unit unit_in_scope(db::Connection& c, const http::Principal& who, const std::string& code);
void record(db::Connection& c, const audit::AuditLog& audit, const http::Principal& who, const std::string& action, const Post& p,
            const std::string& request_id, const std::string& details);

}  // namespace antq::news
