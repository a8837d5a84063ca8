#pragma once
// A post's one cover image (issue 15), through the shared attachments rules: type by content,
// location and other metadata removed, stored outside the web root. Residents see it only while
// the post is live; link previews (og:image) point at that public address.
#include <boost/json/object.hpp>

#include <optional>
#include <string>

#include "db/database.hpp"
#include "http/request.hpp"
#include "modules/attachments/attachments.hpp"
#include "modules/audit/audit_log.hpp"

namespace antq::news {

class NewsCovers {
 public:
  NewsCovers(db::Database& db, const audit::AuditLog& audit, std::string dir)
      : db_(db), audit_(audit), files_(db, {"news", std::move(dir), "tin", 1}) {}

  // Before the body is read: the caller may change the post and it has no cover yet.
  void admit(const http::Principal& who, std::int64_t id) const;
  boost::json::object add(const http::Principal& who, std::int64_t id, const std::string& upload_path, const std::string& request_id) const;
  void remove(const http::Principal& who, std::int64_t id, const std::string& request_id) const;
  attachments::StoredFile staff_file(const http::Principal& who, std::int64_t id) const;
  // 404 unless the post is live and has a cover.
  attachments::StoredFile public_file(std::int64_t id) const;

  // The public address of a post's cover, or "" when it has none.
  static std::string public_path(db::Connection& c, std::int64_t post_id);

 private:
  db::Database& db_;
  const audit::AuditLog& audit_;
  attachments::Attachments files_;
};

}  // namespace antq::news
