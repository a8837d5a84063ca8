#include "modules/reports/issuing_body.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace antq::reports {

namespace bj = boost::json;

std::string upper_vi(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).toUpper(icu::Locale("vi")).toUTF8String(out);
  return out;
}

Heading heading_for(const std::optional<HeadingUnit>& unit, const std::optional<HeadingUnit>& commune) {
  Heading h;
  if (!unit) {
    // The movement's national department (V05) of the Ministry of Public Security.
    h.parent = "BỘ CÔNG AN";
    h.issuer = "CỤC XÂY DỰNG PHONG TRÀO BẢO VỆ AN NINH TỔ QUỐC";
    h.symbol = "BC-V05";
    h.sign_title = "CỤC TRƯỞNG";
    h.place = "Hà Nội";
    return h;
  }
  const std::string full = upper_vi(unit->full_name);
  if (unit->kind == "village") {
    // A village has no People's Committee and no steering committee: the Front's working board
    // runs the movement there, under the commune's Fatherland Front committee.
    if (commune) h.parent = "ỦY BAN MTTQ VIỆT NAM " + upper_vi(commune->full_name);
    h.issuer = "BAN CÔNG TÁC MẶT TRẬN " + full;
    h.symbol = "BC-BCTMT";
    h.sign_for = "TM. BAN CÔNG TÁC MẶT TRẬN";
    h.sign_title = "TRƯỞNG BAN";
    h.place = commune ? commune->name : unit->name;
    return h;
  }
  if (unit->kind == "establishment") {
    // An agency, enterprise or school reports in its own name; its managing body is not recorded.
    h.issuer = full;
    h.symbol = "BC";
    h.sign_title = "THỦ TRƯỞNG ĐƠN VỊ";
    h.place = commune ? commune->name : unit->name;
    return h;
  }
  h.parent = "UBND " + full;
  h.issuer = "BAN CHỈ ĐẠO 138 " + full;
  h.symbol = "BC-BCĐ";
  h.sign_for = "TM. BAN CHỈ ĐẠO";
  h.sign_title = "TRƯỞNG BAN";
  h.place = unit->name;
  return h;
}

bj::object to_json(const Heading& h) {
  return bj::object{{"parent", h.parent},     {"issuer", h.issuer},         {"symbol", h.symbol},
                    {"sign_for", h.sign_for}, {"sign_title", h.sign_title}, {"place", h.place}};
}

std::optional<Heading> heading_from_json(const std::string& stored) {
  if (stored.empty()) return std::nullopt;
  boost::system::error_code ec;
  const bj::value v = bj::parse(stored, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto& o = v.as_object();
  auto text = [&](const char* k) {
    auto it = o.find(k);
    return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
  };
  Heading h{text("parent"), text("issuer"), text("symbol"), text("sign_for"), text("sign_title"), text("place")};
  if (h.issuer.empty()) return std::nullopt;
  return h;
}

}  // namespace antq::reports
