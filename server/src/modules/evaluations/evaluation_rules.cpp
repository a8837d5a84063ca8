#include "modules/evaluations/evaluation_rules.hpp"

#include "core/text.hpp"
#include "core/time.hpp"

namespace antq::evaluations {

std::optional<std::string> target_kind(const std::string& unit_kind, const std::string& subkind) {
  if (unit_kind == "village") return "residential_area";
  if (unit_kind == "commune") return "commune";
  if (unit_kind != "establishment") return std::nullopt;
  if (subkind == "school") return "school";
  if (subkind == "enterprise" || subkind == "industrial_park") return "enterprise";
  return "agency";  // agencies, public hospitals and other bodies
}

std::string target_kind_label(const std::string& kind) {
  if (kind == "residential_area") return "khu dân cư";
  if (kind == "commune") return "xã, phường, đặc khu";
  if (kind == "agency") return "cơ quan";
  if (kind == "enterprise") return "doanh nghiệp";
  if (kind == "school") return "cơ sở giáo dục";
  return kind;
}

Window window(const std::string& target_kind, int year) {
  const std::string prev = std::to_string(year - 1), y = std::to_string(year);
  if (target_kind == "residential_area") return {prev + "-11-01", y + "-10-31"};
  return {prev + "-11-16", y + "-11-15"};
}

namespace {
std::string vn_date(const std::string& iso) {
  const auto d = timeutil::parse_date(iso);
  return d ? timeutil::format_vn(*d) : iso;
}
std::string percent(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return "0%";
  return std::to_string(part * 100 / whole) + "%";
}
}  // namespace

Outcome decide(const std::string& target_kind, const std::vector<Criterion>& criteria, const std::map<std::string, Answer>& answers,
               const std::optional<Registration>& registration, const Subunits& subunits) {
  Outcome o;
  bool all_met = true;
  for (const auto& c : criteria) {
    if (c.auto_rule == "subunits") {
      const bool met = subunits.total > 0 && subunits.registered == subunits.total && subunits.recognised * 10 >= subunits.total * 7;
      o.auto_met[c.code] = met;
      all_met = all_met && met;
      continue;
    }
    ++o.total;
    auto it = answers.find(c.code);
    if (it == answers.end() || !it->second.met) {
      all_met = false;
      continue;
    }
    ++o.answered;
    all_met = all_met && *it->second.met;
  }

  o.rules.push_back({"registered", "Đăng ký phấn đấu đạt tiêu chuẩn trong năm", registration.has_value(),
                     registration ? "Đăng ký ngày " + vn_date(registration->registered_on) : "Chưa đăng ký"});
  if (target_kind == "residential_area") {
    const bool known = registration && registration->households_total && registration->households_registered;
    const bool met =
        known && *registration->households_total > 0 && *registration->households_registered >= *registration->households_total;
    o.rules.push_back({"households", "100% hộ gia đình đăng ký thực hiện", met,
                       known ? text::group_thousands(*registration->households_registered) + "/" +
                                   text::group_thousands(*registration->households_total) + " hộ"
                             : "Chưa có số hộ đăng ký"});
  }
  if (target_kind == "commune") {
    o.rules.push_back({"subunits_registered", "100% khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục đăng ký",
                       subunits.total > 0 && subunits.registered == subunits.total,
                       text::group_thousands(subunits.registered) + "/" + text::group_thousands(subunits.total)});
    o.rules.push_back({"subunits_recognised", "Ít nhất 70% được công nhận đạt tiêu chuẩn",
                       subunits.total > 0 && subunits.recognised * 10 >= subunits.total * 7,
                       text::group_thousands(subunits.recognised) + "/" + text::group_thousands(subunits.total) + " (" +
                           percent(subunits.recognised, subunits.total) + ")"});
  }
  for (const auto& r : o.rules) all_met = all_met && r.met;
  if (o.answered == o.total) o.result = all_met ? "passed" : "not_passed";
  return o;
}

}  // namespace antq::evaluations
