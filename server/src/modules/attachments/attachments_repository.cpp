#include "modules/attachments/attachments_repository.hpp"

namespace antq::attachments::repo {

namespace {

constexpr const char* kColumns =
    "SELECT id, owner_id, part, at, uploaded_by, kind, media_type, size, sha256, stored_name, location_removed FROM attachments ";
constexpr const char* kCount = "SELECT COUNT(*) FROM attachments WHERE owner = $1 AND owner_id = $2";
constexpr const char* kInsert =
    "INSERT INTO attachments (owner, owner_id, part, at, uploaded_by, kind, media_type, size, sha256, stored_name, "
    "location_removed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
constexpr const char* kOfOwner = "WHERE owner = $1 AND owner_id = $2 ORDER BY id";
constexpr const char* kOne = "WHERE owner = $1 AND owner_id = $2 AND id = $3";
constexpr const char* kRemoveAll = "DELETE FROM attachments WHERE owner = $1 AND owner_id = $2";

Attachment from_row(const db::Row& r) {
  Attachment a;
  a.id = r.integer(0);
  a.owner_id = r.integer(1);
  a.part = r.text(2);
  a.at = r.text(3);
  if (!r.is_null(4)) a.uploaded_by = r.text(4);
  a.kind = r.text(5);
  a.media_type = r.text(6);
  a.size = r.integer(7);
  a.sha256 = r.text(8);
  a.stored_name = r.text(9);
  a.location_removed = r.integer(10) != 0;
  return a;
}

}  // namespace

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

std::vector<Attachment> list(db::Connection& c, const std::string& owner, std::int64_t owner_id) {
  std::vector<Attachment> out;
  for (const auto& r : c.query(std::string(kColumns) + kOfOwner, owner, owner_id).rows) out.push_back(from_row(r));
  return out;
}

std::optional<Attachment> find(db::Connection& c, const std::string& owner, std::int64_t owner_id, std::int64_t id) {
  auto r = c.query(std::string(kColumns) + kOne, owner, owner_id, id);
  if (r.rows.empty()) return std::nullopt;
  return from_row(r.rows[0]);
}

void remove_all(db::Connection& c, const std::string& owner, std::int64_t owner_id) { c.query(kRemoveAll, owner, owner_id); }

}  // namespace antq::attachments::repo
