#pragma once
// The SQL of the attachments table (migrations 0021_attachments.*): one row a file, keyed by the
// owner's name and id. Used by attachments.cpp only; owners go through attachments::Attachments.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/attachments/attachment.hpp"

namespace antq::attachments::repo {

std::int64_t count(db::Connection& c, const std::string& owner, std::int64_t owner_id);
// Returns the new row's id.
std::int64_t insert(db::Connection& c, const std::string& owner, const Attachment& a);
std::vector<Attachment> list(db::Connection& c, const std::string& owner, std::int64_t owner_id);
std::optional<Attachment> find(db::Connection& c, const std::string& owner, std::int64_t owner_id, std::int64_t id);
void remove_all(db::Connection& c, const std::string& owner, std::int64_t owner_id);

}  // namespace antq::attachments::repo
