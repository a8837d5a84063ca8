#pragma once
// Who issues a movement report, per level of the area (docs/decisions/0012-report-documents.md):
//
//   area                      parent body (line 1)            issuing body (line 2)                      number      signs
//   the whole country         BỘ CÔNG AN                      CỤC XÂY DỰNG PHONG TRÀO BẢO VỆ AN NINH TỔ QUỐC …/BC-V05 CỤC TRƯỞNG
//   province/district/commune UBND <the same unit>            BAN CHỈ ĐẠO 138 <THE UNIT>                 …/BC-BCĐ    TM. BAN CHỈ ĐẠO /
//   TRƯỞNG BAN village, residential grp  ỦY BAN MTTQ VIỆT NAM <COMMUNE>  BAN CÔNG TÁC MẶT TRẬN <THE VILLAGE>        …/BC-BCTMT  TM. BAN
//   CÔNG TÁC MẶT TRẬN / TRƯỞNG BAN establishment             (none known)                    <THE ESTABLISHMENT> …/BC        THỦ TRƯỞNG ĐƠN
//   VỊ
//
// The steering committee of a level is set up by and belongs to that level's People's Committee,
// so its parent body (Decree 30/2020, "cơ quan chủ quản trực tiếp") is the UBND of the same unit,
// written in full ("UBND XÃ SƠN TỊNH"). Both lines are written in full, in capitals.
#include <boost/json.hpp>

#include <optional>
#include <string>

namespace antq::reports {

struct Heading {
  std::string parent;      // "UBND XÃ SƠN TỊNH" ("" for none)
  std::string issuer;      // "BAN CHỈ ĐẠO 138 XÃ SƠN TỊNH"
  std::string symbol;      // the number's symbol after the slash: "BC-BCĐ"
  std::string sign_for;    // "TM. BAN CHỈ ĐẠO" ("" when the head signs in the body's own name)
  std::string sign_title;  // "TRƯỞNG BAN"
  std::string place;       // "Sơn Tịnh": where the body sits, before the date
};

// A unit as the report's figures carry it.
struct HeadingUnit {
  std::string name, full_name, kind;
};

// `unit`: the report's area (none: the whole country); `commune`: for a village or an
// establishment, the administrative unit it belongs to (none when unknown).
Heading heading_for(const std::optional<HeadingUnit>& unit, const std::optional<HeadingUnit>& commune);

boost::json::object to_json(const Heading& h);
// An empty or malformed stored heading: nullopt (the caller derives it again).
std::optional<Heading> heading_from_json(const std::string& stored);

// Vietnamese capitals ("Xã Sơn Tịnh" → "XÃ SƠN TỊNH"), by ICU's Vietnamese rules.
std::string upper_vi(const std::string& s);

}  // namespace antq::reports
