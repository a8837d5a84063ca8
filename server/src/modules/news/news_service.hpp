#pragma once
// Staff's side of posts (issue 15): write, target, publish (or submit for approval), withdraw,
// read the area's posts with their delivery figures. Every post lies in its author's unit; the
// caller must hold news.write and the post must be in their area (404 otherwise), and every
// target unit must be in their area too.
#include <boost/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/news/deliveries.hpp"

namespace antq::news {

struct ListQuery {
  std::optional<std::string> unit, status, kind;
  int page = 1, per_page = 50;
};

class NewsService {
 public:
  NewsService(db::Database& db, const audit::AuditLog& audit, Deliveries& deliveries) : db_(db), audit_(audit), deliveries_(deliveries) {}

  boost::json::object create(const http::Principal& who, const boost::json::object& body, const std::string& request_id);
  boost::json::object update(const http::Principal& who, std::int64_t id, const boost::json::object& body, const std::string& request_id);
  boost::json::object publish(const http::Principal& who, std::int64_t id, const std::string& request_id);
  boost::json::object withdraw(const http::Principal& who, std::int64_t id, const std::string& request_id);
  void remove(const http::Principal& who, std::int64_t id, const std::string& request_id);

  boost::json::object get(const http::Principal& who, std::int64_t id);
  std::pair<boost::json::array, std::int64_t> list(const http::Principal& who, const ListQuery& q);
  // How many a post to `codes` (default: the caller's unit) of `kind` reaches.
  boost::json::object recipients(const http::Principal& who, const std::vector<std::string>& codes, const std::string& kind);
  boost::json::object deliveries(const http::Principal& who, std::int64_t id);

  boost::json::object unit_settings(const http::Principal& who, const std::string& code);
  boost::json::object set_unit_settings(const http::Principal& who, const std::string& code, const boost::json::object& body,
                                        const std::string& request_id);

 private:
  db::Database& db_;
  const audit::AuditLog& audit_;
  Deliveries& deliveries_;
};

}  // namespace antq::news
