#include "modules/units/units_demo.hpp"

#include "http/request.hpp"
#include "modules/units/units_repository.hpp"
#include "modules/units/units_service.hpp"

namespace antq::units {

namespace {
struct DemoUnit {
  const char* code;
  const char* name;
  const char* kind;
  const char* subkind;
};
struct DemoCommune {
  const char* code;
  const char* full_name;  // codes are reused between lists: check it is the same commune
  std::vector<DemoUnit> units;
};

const std::vector<DemoCommune>& demo() {
  static const std::vector<DemoCommune> d = {
      {"21220", "Xã Sơn Tịnh",
       {{"21220-001", "Thôn Trường Thọ", "village", "Thôn"},
        {"21220-002", "Thôn Phú Thọ", "village", "Thôn"},
        {"21220-003", "Thôn Thọ Trung", "village", "Thôn"},
        {"21220-004", "Thôn Liên Hiệp", "village", "Thôn"},
        {"21220-005", "Thôn Cổ Lũy", "village", "Thôn"},
        {"21220-101", "Trường THPT Sơn Mỹ", "establishment", "school"},
        {"21220-102", "Công ty TNHH May Tịnh Phong", "establishment", "enterprise"}}},
      {"09574", "Phường Sơn Tây",
       {{"09574-001", "Tổ dân phố 1", "village", "Tổ dân phố"},
        {"09574-002", "Tổ dân phố 2", "village", "Tổ dân phố"},
        {"09574-003", "Tổ dân phố 3", "village", "Tổ dân phố"},
        {"09574-101", "Bệnh viện Quân y 105", "establishment", "hospital"}}},
  };
  return d;
}
}  // namespace

DemoReport seed_demo(db::Database& db, const audit::AuditLog& audit) {
  DemoReport rep;
  UnitsService service(db, audit);
  http::Principal system{"cli", "cli", "admin", "", ""};
  system.permissions = {"units.write"};
  for (const auto& commune : demo()) {
    const bool present = db.read_value([&](db::Connection& c) {
      auto u = repo::find_active(c, commune.code);
      return u && u->full_name == commune.full_name;
    });
    if (!present) {
      ++rep.skipped_communes;
      continue;
    }
    for (const auto& u : commune.units) {
      const bool exists = db.read_value([&](db::Connection& c) { return repo::find_active(c, u.code).has_value(); });
      if (exists) continue;
      service.create(system, CreateUnit{commune.code, u.name, u.kind, std::string(u.code), std::string(u.subkind)});
      ++rep.created;
    }
  }
  return rep;
}

}  // namespace antq::units
