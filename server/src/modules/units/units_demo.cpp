#include "modules/units/units_demo.hpp"

#include "http/request.hpp"
#include "modules/units/units_repository.hpp"
#include "modules/units/units_service.hpp"

namespace antq::units {

namespace {

// Xã Sơn Tịnh (2025) and, before it, Thị trấn Tịnh Hà hold the same villages and establishments.
const std::vector<DemoLocal> kSonTinh = {
    {"21220-001", "Thôn Trường Thọ", "village", "Thôn"},
    {"21220-002", "Thôn Phú Thọ", "village", "Thôn"},
    {"21220-003", "Thôn Thọ Trung", "village", "Thôn"},
    {"21220-004", "Thôn Liên Hiệp", "village", "Thôn"},
    {"21220-005", "Thôn Cổ Lũy", "village", "Thôn"},
    {"21220-101", "Trường THPT Sơn Mỹ", "establishment", "school"},
    {"21220-102", "Công ty TNHH May Tịnh Phong", "establishment", "enterprise"},
};
// Phường Sơn Tây (2025) and, before it, Phường Ngô Quyền.
const std::vector<DemoLocal> kSonTay = {
    {"09574-001", "Tổ dân phố 1", "village", "Tổ dân phố"},
    {"09574-002", "Tổ dân phố 2", "village", "Tổ dân phố"},
    {"09574-003", "Tổ dân phố 3", "village", "Tổ dân phố"},
    {"09574-101", "Bệnh viện Quân y 105", "establishment", "hospital"},
};

}  // namespace

const std::vector<DemoArea>& demo_areas() {
  static const std::vector<DemoArea> areas = {
      {"vn-2tier", "", "", {{"21220", "Xã Sơn Tịnh", kSonTinh}}, true},
      {"vn-2tier", "", "", {{"09574", "Phường Sơn Tây", kSonTay}}, false},
      {"vn-3tier",
       "527",
       "Huyện Sơn Tịnh",
       {{"21220", "Thị trấn Tịnh Hà", kSonTinh},
        {"21181",
         "Xã Tịnh Phong",
         {{"21181-001", "Thôn Phú Hòa", "village", "Thôn"},
          {"21181-002", "Thôn Thọ Lộc", "village", "Thôn"},
          {"21181-003", "Thôn Hòa Bình", "village", "Thôn"},
          {"21181-101", "Khu công nghiệp VSIP Quảng Ngãi", "establishment", "industrial_park"}}},
        {"21175",
         "Xã Tịnh Thọ",
         {{"21175-001", "Thôn Thọ Bắc", "village", "Thôn"},
          {"21175-002", "Thôn Thọ Nam", "village", "Thôn"},
          {"21175-003", "Thôn Mỹ Danh", "village", "Thôn"}}}},
       true},
      {"vn-3tier",
       "269",
       "Thị xã Sơn Tây",
       {{"09574", "Phường Ngô Quyền", kSonTay},
        {"09577",
         "Phường Phú Thịnh",
         {{"09577-001", "Tổ dân phố 1", "village", "Tổ dân phố"}, {"09577-002", "Tổ dân phố 2", "village", "Tổ dân phố"}}}},
       false},
  };
  return areas;
}

LiveDemo live_demo(db::Connection& c) {
  for (const std::string list : {"vn-2tier", "vn-3tier"}) {
    LiveDemo live;
    for (const auto& area : demo_areas()) {
      if (area.list != list) continue;
      for (const auto& commune : area.communes) {
        auto u = repo::find_active(c, commune.code);
        if (u && u->full_name == commune.full_name) {
          live.communes.push_back({&area, &commune, u->id});
        } else {
          ++live.missing;
        }
      }
    }
    if (!live.communes.empty()) {
      live.list = list;
      return live;
    }
  }
  return {};
}

DemoReport seed_demo(db::Database& db, const audit::AuditLog& audit) {
  DemoReport rep;
  UnitsService service(db, audit);
  http::Principal system{"cli", "cli", "admin", "", ""};
  system.permissions = {"units.write"};
  const LiveDemo live = db.read_value([](db::Connection& c) { return live_demo(c); });
  rep.list = live.list;
  rep.skipped_communes = live.missing;
  for (const auto& lc : live.communes) {
    for (const auto& u : lc.commune->locals) {
      const bool exists = db.read_value([&](db::Connection& c) { return repo::find_active(c, u.code).has_value(); });
      if (exists) continue;
      service.create(system, CreateUnit{lc.commune->code, u.name, u.kind, std::string(u.code), std::string(u.subkind)});
      ++rep.created;
    }
  }
  return rep;
}

}  // namespace antq::units
