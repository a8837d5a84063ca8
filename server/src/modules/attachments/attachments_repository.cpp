#include "modules/attachments/attachments_repository.hpp"
#include "modules/attachments/attachments_repository.sql.hpp"

namespace antq::attachments::repo {

// Each statement stands next to the one function that runs it.

namespace {

constexpr const char* kColumns =
    "SELECT id, owner_id, part, at, uploaded_by, kind, media_type, size, sha256, stored_name, location_removed FROM attachments ";

Attachment from_row(const db::Row& r) {
  return {r.integer(0), r.integer(1), r.text(2), r.text(3), r.opt_text(4),     r.text(5),
          r.text(6),    r.integer(7), r.text(8), r.text(9), r.integer(10) != 0};
}

}  // namespace

using namespace antq::sql::attachments::attachments_repository;  // the statements: attachments_repository.sql

std::int64_t count(db::Connection& c, const std::string& owner, std::int64_t owner_id) {
  return c.query(kCount, owner, owner_id).rows[0].integer(0);
}

std::int64_t insert(db::Connection& c, const std::string& owner, const Attachment& a) {
  return c
      .query(kInsert, owner, a.owner_id, a.part, a.at, a.uploaded_by, a.kind, a.media_type, a.size, a.sha256, a.stored_name,
             a.location_removed)
      .rows[0]
      .integer(0);
}

constexpr const char* kOfOwner = "WHERE owner = $1 AND owner_id = $2 ORDER BY id";

std::vector<Attachment> list(db::Connection& c, const std::string& owner, std::int64_t owner_id) {
  std::vector<Attachment> out;
  for (const auto& r : c.query(std::string(kColumns) + kOfOwner, owner, owner_id).rows) out.push_back(from_row(r));
  return out;
}

constexpr const char* kOne = "WHERE owner = $1 AND owner_id = $2 AND id = $3";

std::optional<Attachment> find(db::Connection& c, const std::string& owner, std::int64_t owner_id, std::int64_t id) {
  auto r = c.query(std::string(kColumns) + kOne, owner, owner_id, id);
  if (r.rows.empty()) return std::nullopt;
  return from_row(r.rows[0]);
}

void remove_all(db::Connection& c, const std::string& owner, std::int64_t owner_id) { c.query(kRemoveAll, owner, owner_id); }

}  // namespace antq::attachments::repo
