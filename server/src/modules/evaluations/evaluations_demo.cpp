#include "modules/evaluations/evaluations_demo.hpp"

#include <boost/json.hpp>

#include "core/time.hpp"
#include "modules/evaluations/evaluations_service.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::evaluations {

namespace bj = boost::json;

namespace {

http::Principal principal(const char* name, std::vector<std::string> permissions) {
  http::Principal p;
  p.username = name;
  p.role = "admin";
  p.permissions = std::move(permissions);
  std::sort(p.permissions.begin(), p.permissions.end());
  return p;
}

// Every manual criterion met, with a line of evidence.
bj::object all_met(const bj::object& evaluation, std::size_t only_first = 100) {
  bj::object results;
  std::size_t n = 0;
  for (const auto& c : evaluation.at("criteria").as_array()) {
    if (!c.at("auto").as_string().empty() || n++ >= only_first) continue;
    results[c.at("code").as_string()] = bj::object{{"met", true}, {"evidence", "Biên bản họp khu dân cư, báo cáo của Công an xã"}};
  }
  return results;
}

}  // namespace

int seed_demo(db::Database& db, const audit::AuditLog& audit) {
  const bool done =
      db.read_value([](db::Connection& c) { return !c.query("SELECT 1 FROM settings WHERE key = 'demo.evaluations'").rows.empty(); });
  if (done) return 0;
  EvaluationsService service(db, audit, "");
  const auto writer = principal("demo", {"movement.read", "evaluations.write"});
  const auto approver = principal("demo-ubnd", {"movement.read", "evaluations.approve"});
  const std::string today = timeutil::today_vietnam();
  const int year = std::stoi(today.substr(0, 4));
  int created = 0;
  for (const std::string commune : {"21220", "09574"}) {
    const bool exists = db.read_value([&](db::Connection& c) { return units::repo::find_active(c, commune + "-001").has_value(); });
    if (!exists) continue;
    const std::pair<const char*, int> households[] = {{"-001", 320}, {"-002", 280}, {"-003", 152}};
    for (int y : {year - 1, year}) {
      for (const auto& [suffix, total] : households) {
        const int registered = (suffix == std::string("-003") && y == year) ? total - 2 : total;
        service.add_registration(writer,
                                 bj::object{{"unit", commune + suffix},
                                            {"year", y},
                                            {"registered_on", std::to_string(y) + "-02-15"},
                                            {"households_total", total},
                                            {"households_registered", registered}},
                                 "seed-demo");
      }
    }
    // Last year: the first village recognised, with its certificate.
    auto e = service.create(
        writer, bj::object{{"unit", commune + "-001"}, {"year", year - 1}, {"evaluated_on", std::to_string(year - 1) + "-11-05"}},
        "seed-demo");
    const auto id = std::stoll(std::string(e.at("id").as_string()));
    service.update(writer, id, bj::object{{"results", all_met(e)}}, "seed-demo");
    service.submit(writer, id, "seed-demo");
    service.approve(approver, id, "Đủ điều kiện công nhận.", "seed-demo");
    // This year: the second village awaits approval, the third is a draft.
    if (today >= std::to_string(year) + "-11-01") {
      e = service.create(writer, bj::object{{"unit", commune + "-002"}, {"year", year}, {"evaluated_on", std::to_string(year) + "-11-03"}},
                         "seed-demo");
      const auto id2 = std::stoll(std::string(e.at("id").as_string()));
      service.update(writer, id2, bj::object{{"results", all_met(e)}}, "seed-demo");
      service.submit(writer, id2, "seed-demo");
      ++created;
    }
    e = service.create(writer, bj::object{{"unit", commune + "-003"}, {"year", year}}, "seed-demo");
    service.update(writer, std::stoll(std::string(e.at("id").as_string())), bj::object{{"results", all_met(e, 2)}}, "seed-demo");
    created += 2;
  }
  db.write([](db::Connection& c) {
    c.query("INSERT INTO settings (key, value, updated_at) VALUES ('demo.evaluations', 'done', $1)", timeutil::now_utc());
  });
  return created;
}

}  // namespace antq::evaluations
