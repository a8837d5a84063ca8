#include "modules/imports/register_target.hpp"

#include <stdexcept>

#include "core/errors.hpp"
#include "modules/registers/register_validation.hpp"

namespace antq::imports {

namespace bj = boost::json;

Outcome Target::update(db::Connection&, const http::Principal&, const RowInput&) const {
  throw BadRequest("Sổ này không sửa được bằng tệp nhập: để trống cột mã bản ghi.", "id");
}

Target::Checked Target::check(db::Connection&, const http::Principal&, const RowInput&, catalog::CodeChecks&) const {
  throw std::logic_error(spec().name + ": no bulk writes");
}

std::vector<std::int64_t> Target::create_all(db::Connection&, const http::Principal&, const std::vector<Checked>&) const {
  throw std::logic_error(spec().name + ": no bulk writes");
}

Target::Checked RegisterTarget::check(db::Connection& c, const http::Principal& who, const RowInput& row,
                                      catalog::CodeChecks& codes) const {
  const registers::ChosenUnit preset{row.unit->id, row.unit->path};
  registers::ChosenUnit chosen;
  Checked out;
  out.values = registers::validate_record(c, service_.spec(), who, row.body, nullptr, chosen, &preset, &codes);
  out.unit_id = chosen.id;
  return out;
}

std::vector<std::int64_t> RegisterTarget::create_all(db::Connection& c, const http::Principal& who,
                                                     const std::vector<Checked>& rows) const {
  std::vector<registers::RegisterService::Validated> records;
  records.reserve(rows.size());
  for (const auto& r : rows) records.push_back({r.unit_id, &r.values});
  return service_.create_many_in(c, who, records);
}

std::int64_t RegisterTarget::create(db::Connection& c, const http::Principal& who, const RowInput& row) const {
  return service_.create_in(c, who, row.body, {row.unit->id, row.unit->path});
}

Outcome RegisterTarget::update(db::Connection& c, const http::Principal& who, const RowInput& row) const {
  registers::Record cur;
  try {
    cur = service_.get_in(c, who, *row.id);
  } catch (const NotFound&) {
    throw BadRequest("Không tìm thấy bản ghi mã " + std::to_string(*row.id) + " trong địa bàn của bạn.", "id");
  }
  std::optional<registers::ChosenUnit> unit;
  if (row.unit && row.unit->id != 0) unit = registers::ChosenUnit{row.unit->id, row.unit->path};
  registers::ChosenUnit chosen;
  // Validated as the update would store it, to tell a row that changes nothing.
  const bj::object values = registers::validate_record(c, service_.spec(), who, row.body, &cur, chosen, unit ? &*unit : nullptr);
  if (values == cur.values && (!unit || unit->path == cur.unit_path)) return Outcome::unchanged;
  service_.update_in(c, who, cur, row.body, unit ? &*unit : nullptr);
  return Outcome::updated;
}

bool RegisterTarget::exists(db::Connection& c, const http::Principal& who, std::int64_t id) const {
  try {
    service_.get_in(c, who, id);
    return true;
  } catch (const NotFound&) {
    return false;
  }
}

Undone RegisterTarget::undo(db::Connection& c, const http::Principal& who, std::int64_t id) const {
  registers::Record r;
  try {
    r = service_.get_in(c, who, id);
  } catch (const NotFound&) {
    return {};  // deleted since, or outside the caller's area: not theirs to undo
  }
  if (r.updated_at != r.created_at) return {false, "Đã được sửa sau khi nhập"};
  service_.remove_in(c, id);
  return {true, ""};
}

}  // namespace antq::imports
