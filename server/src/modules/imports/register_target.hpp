#pragma once
// A register as an import target: rows create records through the engine (the same validation,
// rules and history as the API), a row naming a record in scope updates it, and an undo removes
// a record unless it was edited since.
#include "modules/imports/import_target.hpp"
#include "modules/registers/register_service.hpp"

namespace antq::imports {

class RegisterTarget final : public Target {
 public:
  explicit RegisterTarget(registers::RegisterService& service) : service_(service) {}
  const registers::Spec& spec() const override { return service_.spec(); }
  bool updates() const override { return true; }
  std::int64_t create(db::Connection& c, const http::Principal& who, const RowInput& row) const override;
  Outcome update(db::Connection& c, const http::Principal& who, const RowInput& row) const override;
  bool exists(db::Connection& c, const http::Principal& who, std::int64_t id) const override;
  Undone undo(db::Connection& c, const http::Principal& who, std::int64_t id) const override;
  bool bulk() const override { return service_.writes_in_bulk(); }
  Checked check(db::Connection& c, const http::Principal& who, const RowInput& row, catalog::CodeChecks& codes) const override;
  std::vector<std::int64_t> create_all(db::Connection& c, const http::Principal& who, const std::vector<Checked>& rows) const override;

 private:
  registers::RegisterService& service_;
};

}  // namespace antq::imports
