// The records with rules, written through the modules' services (few per year).
#include "modules/demo/history.hpp"

namespace antq::demo::history {

// --- programs (service) ----------------------------------------------------------------------
void History::programs_of(const Commune& c) {
  const std::string place = inside(c.unit.full_name);
  const std::string police = c.unit.subkind == "Phường"     ? "Công an phường"
                             : c.unit.subkind == "Thị trấn" ? "Công an thị trấn"
                                                            : "Công an xã";
  for (int y = kFirstYear; y <= this_year_; ++y) {
    const std::string signed_on = ymd(y, 1, dice_.between(8, 20));
    if (!past(signed_on)) continue;
    programs_[{c.unit.id, y}] =
        create("programs", bj::object{{"unit", c.unit.code},
                                      {"number", "01/CTrPH-CA-MTTQ"},
                                      {"title", "Chương trình phối hợp giữa " + police + " và Ủy ban MTTQ Việt Nam " + place +
                                                    " thực hiện phong trào Toàn dân bảo vệ an ninh Tổ quốc năm " + std::to_string(y)},
                                      {"parties", codes({"police", "front"})},
                                      {"signed_on", signed_on},
                                      {"period_from", ymd(y, 1, 1)},
                                      {"period_to", ymd(y, 12, 31)}});
    ++rep_.programs;
  }
  const std::string drugs_plan = ymd(2022, 3, dice_.between(1, 25));
  create("programs",
         bj::object{{"unit", c.unit.code},
                    {"number", "02/KHLT-CA-MTTQ"},
                    {"title", "Kế hoạch liên tịch phòng, chống ma túy, xây dựng " + place + " không tệ nạn ma túy giai đoạn 2022 – 2025"},
                    {"parties", codes({"police", "front", "women_union", "youth_union"})},
                    {"signed_on", drugs_plan},
                    {"period_from", drugs_plan},
                    {"period_to", "2025-12-31"}});
  ++rep_.programs;
}

void History::district_programs() {
  const std::string place = inside(district_->full_name);
  const std::string signed_on = ymd(kFirstYear, 2, dice_.between(20, 26));
  district_program_ =
      create("programs", bj::object{{"unit", district_->code},
                                    {"number", "05/CTrPH-CAH-MTTQ"},
                                    {"title", "Chương trình phối hợp giữa Công an huyện và Ủy ban MTTQ Việt Nam " + place +
                                                  " về \"Đẩy mạnh phong trào Toàn dân bảo vệ an ninh Tổ quốc\" trong tình hình mới"},
                                    {"parties", codes({"police", "front"})},
                                    {"signed_on", signed_on},
                                    {"period_from", signed_on},
                                    {"period_to", "2025-12-31"}});
  ++rep_.programs;
}

void History::groups_of(const Commune& c) {
  for (const auto& v : c.villages) {
    std::map<std::string, std::pair<std::int64_t, std::string>> open;  // kind → id, started_on
    tx_.read([&](db::Connection& conn) {
      for (const auto& r : conn.query(kOpenGroupsOfUnit, v.id).rows) open.emplace(r.text(1), std::pair{r.integer(0), r.text(2)});
    });
    const std::string in_v = inside(v.full_name);
    // The patrol team: the showcase may already have one (its patrols then use it).
    if (auto it = open.find("patrol_team"); it != open.end()) {
      patrol_teams_.push_back({v, it->second.first, it->second.second});
    } else {
      const std::string started = ymd(2020, dice_.between(2, 11), dice_.between(1, 28));
      const auto id = create("groups", bj::object{{"unit", v.code},
                                                  {"kind", "patrol_team"},
                                                  {"name", "Tổ tuần tra nhân dân " + in_v},
                                                  {"started_on", started},
                                                  {"leader", name_of(false)},
                                                  {"members_count", dice_.between(6, 10)}});
      patrol_teams_.push_back({v, id, started});
      ++rep_.groups;
    }
    // The security team of the Law on forces protecting security at the grassroots (from 1/7/2024).
    if (!open.count("security_team") && past("2024-07-01")) {
      PendingMembers m{0, "2024-07-01", {}};
      const int n = dice_.between(3, 5);
      for (int k = 0; k < n; ++k) {
        const bool female = k == n - 1 && dice_.chance(50);
        m.people.emplace_back(name_of(female),
                              k == 0   ? "leader"
                              : k == 1 ? "deputy"
                                       : "member",
                              female ? "female" : "male", dice_.between(1968, 1998));
      }
      m.group_id = create("groups", bj::object{{"unit", v.code},
                                               {"kind", "security_team"},
                                               {"name", "Tổ bảo vệ an ninh, trật tự " + in_v},
                                               {"started_on", "2024-07-01"},
                                               {"leader", std::get<0>(m.people[0])},
                                               {"members_count", n}});
      members_.push_back(std::move(m));
      ++rep_.groups;
    }
    if (!open.count("mediation_team")) {
      PendingMembers m{0, ymd(2019, dice_.between(1, 12), dice_.between(1, 28)), {}};
      for (int k = 0; k < 5; ++k) {
        const bool female = k >= 3;  // at least one woman (Luật Hòa giải ở cơ sở, Art 12)
        m.people.emplace_back(name_of(female), "mediator", female ? "female" : "male", dice_.between(1955, 1985));
      }
      m.group_id = create("groups", bj::object{{"unit", v.code},
                                               {"kind", "mediation_team"},
                                               {"name", "Tổ hòa giải " + in_v},
                                               {"started_on", m.started_on},
                                               {"leader", std::get<0>(m.people[0])},
                                               {"members_count", 5}});
      members_.push_back(std::move(m));
      ++rep_.groups;
    }
    if (!open.count("channel")) {
      create("groups", bj::object{{"unit", v.code},
                                  {"kind", "channel"},
                                  {"name", "Zalo An ninh trật tự " + in_v},
                                  {"platform", "zalo"},
                                  {"started_on", day_in(kFirstYear, 3, 10)},
                                  {"leader", "Công an viên phụ trách " + in_v},
                                  {"members_count", dice_.between(120, 420)}});
      ++rep_.groups;
    }
    // Self-managed groups: inter-household groups, a clan, a road, a club; some were merged.
    const int households = dice_.between(2, 3);
    for (int k = 1; k <= households + 2; ++k) {
      std::string name;
      if (k <= households) name = "Nhóm liên gia tự quản về an ninh, trật tự số " + std::to_string(k) + " " + in_v;
      else if (k == households + 1) name = "Dòng họ " + std::string(dice_.pick(texts::kSurnames)) + " tự quản về an ninh, trật tự " + in_v;
      else
        name = dice_.chance(50) ? "Tổ tự quản đường làng an toàn giao thông " + in_v
                                : "Câu lạc bộ phòng, chống tội phạm và tệ nạn xã hội " + in_v;
      const std::string started = ymd(dice_.between(2019, std::min(this_year_ - 1, 2024)), dice_.between(1, 12), dice_.between(1, 28));
      bj::object body{
          {"unit", v.code}, {"kind", "self_managed"}, {"name", name}, {"started_on", started}, {"members_count", dice_.between(8, 30)}};
      const std::string dissolved = timeutil::add_days(started, dice_.between(400, 1400));
      if (dice_.chance(15) && past(dissolved)) body["dissolved_on"] = dissolved;
      create("groups", std::move(body));
      ++rep_.groups;
    }
  }
  for (const auto& e : c.establishments) {
    if (e.subkind == "hospital") continue;
    create("groups", bj::object{{"unit", e.code},
                                {"kind", "self_managed"},
                                {"name", "Tổ tự quản về an ninh, trật tự " + e.name},
                                {"started_on", day_in(2021, 4, 9)},
                                {"members_count", dice_.between(6, 15)}});
    ++rep_.groups;
  }
}

void History::models_of(const Commune& c, int index) {
  static const ModelPlan plans[] = {
      {"Dòng họ tự quản về an ninh, trật tự", "model", "self_management", 2021, 4, "village", 3, ""},
      {"Giúp người lầm lỡ tái hòa nhập cộng đồng", "model", "reintegration", 2021, 6, "commune", 0, ""},
      {"Zalo kết nối Công an với Nhân dân", "model", "security_order", 2021, 9, "commune", 0, ""},
      {"Thôn không có tội phạm và tệ nạn ma túy", "model", "drugs", 2022, 2, "village", 2, ""},
      {"Cổng trường an toàn giao thông", "model", "traffic", 2022, 9, "school", 0, ""},
      {"Doanh nghiệp tự quản về an ninh, trật tự", "model", "enterprise_school", 2023, 3, "enterprise", 0, ""},
      {"Tổ liên gia an toàn phòng cháy, chữa cháy", "model", "fire", 2023, 5, "village", 99, ""},
      {"Tuyên truyền, vận động Nhân dân tham gia phòng cháy, chữa cháy tại khu dân cư", "thematic", "fire", 2021, 3, "commune", 0,
       "2022-12-31"},
      {"Bảo đảm trật tự an toàn giao thông trên các tuyến đường chính", "thematic", "traffic", 2022, 1, "commune", 0, "2023-12-31"},
      {"Đề án 06: định danh, xác thực điện tử cho Nhân dân", "thematic", "other", 2022, 4, "commune", 0, "2024-12-31"},
      {"Phòng, chống lừa đảo trên không gian mạng", "thematic", "security_order", 2023, 6, "commune", 0, ""},
  };
  int k = 0;
  for (const auto& p : plans) {
    // The first commune runs them all; the others about half.
    if (index > 0 && (k++ + index) % 2 != 0) continue;
    const Place* at = &c.unit;
    const std::string place = p.place;
    if (place == "village") at = &c.villages[static_cast<std::size_t>(dice_.below(static_cast<int>(c.villages.size())))];
    for (const auto& e : c.establishments) {
      if ((place == "school" && e.subkind == "school") ||
          (place == "enterprise" && (e.subkind == "enterprise" || e.subkind == "industrial_park"))) {
        at = &e;
      }
    }
    if ((place == "school" || place == "enterprise") && at == &c.unit) at = &c.villages.front();
    const std::string started = ymd(p.year, p.month, dice_.between(1, 28));
    if (!past(started)) continue;
    bj::object body{{"unit", at->code}, {"name", p.name}, {"kind", p.kind}, {"field", p.field}, {"started_on", started}};
    if (*p.ended && past(p.ended)) body["ended_on"] = p.ended;
    const auto id = create("models", std::move(body));
    ++rep_.models;
    int spread = 0;
    for (const auto& v : c.villages) {
      if (spread >= p.replicate) break;
      if (v.id == at->id) continue;
      const std::string from = timeutil::add_days(started, dice_.between(60, 500));
      if (!past(from)) continue;
      replications_.push_back({id, v.id, from});
      ++spread;
    }
  }
}

void History::people_of(const Commune& c) {
  static const char* const categories[] = {"released_prisoner", "released_prisoner",      "post_rehab", "post_rehab", "post_rehab",
                                           "juvenile_offender", "administrative_measure", "other"};
  for (int y = kFirstYear; y <= this_year_; ++y) {
    const int n = static_cast<int>(c.villages.size()) * 8 / 10 + dice_.below(2);
    for (int k = 0; k < n; ++k) {
      const std::string start = day_in(y, 1, 12);
      if (!past(timeutil::add_days(start, 7))) continue;
      const Place& v = c.villages[static_cast<std::size_t>(dice_.below(static_cast<int>(c.villages.size())))];
      const std::string category = dice_.pick(categories);
      const bool juvenile = category == "juvenile_offender";
      const int born = juvenile ? y - dice_.between(15, 17) : dice_.between(1972, 2002);
      const std::string organisation = category == "released_prisoner"        ? "Hội Cựu chiến binh"
                                       : category == "administrative_measure" ? "Hội Nông dân"
                                       : category == "other"                  ? "Hội Liên hiệp Phụ nữ"
                                                                              : "Đoàn Thanh niên";
      const std::string plan = category == "post_rehab"
                                   ? "Gia đình quản lý, Đoàn Thanh niên kèm cặp; giới thiệu việc làm tại khu công nghiệp"
                               : juvenile ? "Gia đình và nhà trường phối hợp quản lý, giáo dục; tham gia sinh hoạt Đoàn"
                                          : "Giúp học nghề, giới thiệu vay vốn ưu đãi; gặp gỡ, động viên hằng tháng";
      char id_number[16];
      std::snprintf(id_number, sizeof id_number, "051%03d%06d", born % 1000, dice_.between(0, 999999));
      const auto id = create("reintegration/people", bj::object{{"unit", v.code},
                                                                {"category", category},
                                                                {"name", name_of(dice_.chance(12))},
                                                                {"birth_year", born},
                                                                {"id_number", id_number},
                                                                {"address", inside(v.full_name) + ", " + inside(c.unit.full_name)},
                                                                {"start_date", start},
                                                                {"helper_family", juvenile           ? "Bố mẹ"
                                                                                  : dice_.chance(50) ? "Vợ"
                                                                                                     : "Mẹ"},
                                                                {"helper_organisation", organisation},
                                                                {"helper_officer", "Công an viên phụ trách " + inside(v.full_name)},
                                                                {"plan", plan},
                                                                {"status", "active"}});
      ++rep_.people;
      // Progress, completion or a relapse, each on its day.
      std::string until = today_;
      auto move_to = [&](const char* status, const std::string& on) {
        service("reintegration/people").update(demo_, id, bj::object{{"status", status}, {"status_since", on}}, kRequestId);
      };
      const std::string progressed = timeutil::add_days(start, dice_.between(150, 360));
      if (dice_.chance(7)) {
        const std::string relapsed = timeutil::add_days(start, dice_.between(90, 300));
        if (past(relapsed)) {
          move_to("reoffended", relapsed);
          until = relapsed;
        }
      } else if (dice_.chance(5)) {
        const std::string moved = timeutil::add_days(start, dice_.between(60, 400));
        if (past(moved)) {
          move_to("moved", moved);
          until = moved;
        }
      } else if (dice_.chance(80) && past(progressed)) {
        move_to("progressing", progressed);
        const std::string completed = timeutil::add_days(progressed, dice_.between(180, 420));
        if (dice_.chance(65) && past(completed)) {
          move_to("completed", completed);
          until = completed;
        }
      }
      people_.push_back({id, start, until});
    }
  }
}

// --- hotspots, pledges, awards (service) -------------------------------------------------------
void History::hotspot_of(const Commune& c) {
  const Place& v = c.villages.back();
  const std::string designated = day_in(kFirstYear, 2, 5);
  const std::string done = timeutil::add_days(designated, dice_.between(420, 600));
  bj::object body{{"unit", v.code},
                  {"name", "Khu vực quán karaoke, internet dọc tuyến đường qua " + inside(v.full_name)},
                  {"problem_types", codes({"social_evils", "crime"})},
                  {"designated_on", designated},
                  {"decision", "Quyết định của Ban Chỉ đạo " + inside(c.unit.full_name)},
                  {"plan", "Kiểm tra hành chính các cơ sở kinh doanh có điều kiện; tuần tra ban đêm; vận động gia đình quản lý con em"},
                  {"milestones", bj::array{bj::object{{"title", "Kiểm tra, cam kết các cơ sở kinh doanh"},
                                                      {"due_on", timeutil::add_days(designated, 60)},
                                                      {"done_on", timeutil::add_days(designated, 45)}},
                                           bj::object{{"title", "Lắp đèn chiếu sáng, camera"},
                                                      {"due_on", timeutil::add_days(designated, 240)},
                                                      {"done_on", timeutil::add_days(designated, 210)}}}},
                  {"status", "transforming"}};
  if (past(done)) {
    body["status"] = "transformed";
    body["transformed_on"] = done;
  }
  create("hotspots", std::move(body));
  ++rep_.hotspots;
}

void History::pledges_of(const Commune& c) {
  for (int y = kFirstYear; y <= this_year_; ++y) {
    if (!past(ymd(y, 2, 28))) continue;
    for (const auto& v : c.villages) {
      if (exists(kPledgesOfYear, v.id, y)) continue;  // the showcase's pledges of this year
      create("pledges", bj::object{{"unit", v.code},
                                   {"pledger_kind", "household"},
                                   {"pledger", "Các hộ gia đình " + inside(v.full_name)},
                                   {"content",
                                    "Không để người thân vi phạm pháp luật, tham gia tệ nạn xã hội; giữ gìn an ninh, "
                                    "trật tự khu dân cư; tố giác tội phạm"},
                                   {"year", y},
                                   {"result", y == this_year_    ? "pending"
                                              : dice_.chance(92) ? "kept"
                                                                 : "broken"}});
      ++rep_.pledges;
    }
    for (const auto& e : c.establishments) {
      if (e.subkind == "hospital" || exists(kPledgesOfYear, e.id, y)) continue;
      create("pledges", bj::object{{"unit", e.code},
                                   {"pledger_kind", "unit"},
                                   {"pledger", e.name},
                                   {"content", e.subkind == "school"
                                                   ? "Xây dựng trường học an toàn về an ninh, trật tự; không có học sinh vi phạm pháp luật"
                                                   : "Xây dựng cơ quan, doanh nghiệp an toàn về an ninh, trật tự"},
                                   {"year", y},
                                   {"result", y == this_year_ ? "pending" : "kept"}});
      ++rep_.pledges;
    }
  }
}

void History::awards_of(const Commune& c) {
  const std::string place = inside(c.unit.full_name);
  const std::string chair = "Chủ tịch UBND " + place;
  for (int y = kFirstYear; y < this_year_; ++y) {
    const Place& best = c.villages[static_cast<std::size_t>(dice_.below(static_cast<int>(c.villages.size())))];
    const std::string review = ymd(y, 12, dice_.between(15, 28));
    bj::object collective{{"unit", best.code},
                          {"form", "commendation"},
                          {"issuer", chair},
                          {"recipient_kind", "collective"},
                          {"recipient_name", "Ban Công tác Mặt trận " + inside(best.full_name)},
                          {"date", review},
                          {"reason", "Có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc năm " + std::to_string(y)}};
    if (auto p = program(c.unit.id, y)) collective["program_id"] = *p;
    create("awards", std::move(collective));
    const Place& v = c.villages[static_cast<std::size_t>(dice_.below(static_cast<int>(c.villages.size())))];
    create("awards", bj::object{{"unit", v.code},
                                {"form", "commendation"},
                                {"issuer", chair},
                                {"recipient_kind", "individual"},
                                {"recipient_name", "Ông " + name_of(false) + ", Tổ trưởng Tổ tuần tra nhân dân " + inside(v.full_name)},
                                {"date", review},
                                {"reason", "Có thành tích trong phát hiện, tố giác tội phạm"}});
    rep_.awards += 2;
    if (y % 2 == 0) {
      const std::string issuer = district_ ? "Chủ tịch UBND " + inside(district_->full_name) : "Chủ tịch UBND " + inside(province_);
      create("awards", bj::object{{"unit", c.unit.code},
                                  {"form", district_ ? "commendation" : "certificate_of_merit"},
                                  {"issuer", issuer},
                                  {"recipient_kind", "collective"},
                                  {"recipient_name", "Nhân dân và cán bộ " + place},
                                  {"date", ymd(y, 8, 19)},
                                  {"reason", "Có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn " +
                                                 std::to_string(y - 1) + " – " + std::to_string(y)}});
      ++rep_.awards;
    }
  }
}

// --- evaluations of past years (service, then dated back) --------------------------------------
void History::evaluations_of(const Commune& c) {
  for (int y = kFirstYear; y < this_year_; ++y) {
    for (const auto& v : c.villages) {
      const int households = 150 + static_cast<int>(v.id % 270);
      // One village in a dozen falls short some year (households not all registered).
      const bool short_of = dice_.chance(8);
      if (!exists(kRegistrationOf, v.id, y)) {
        evaluations_.add_registration(demo_,
                                      bj::object{{"unit", v.code},
                                                 {"year", y},
                                                 {"registered_on", ymd(y, 2, dice_.between(10, 28))},
                                                 {"households_total", households},
                                                 {"households_registered", short_of ? households - dice_.between(3, 12) : households}},
                                      kRequestId);
        ++rep_.registrations;
      }
      if (exists(kEvaluationOf, v.id, y)) continue;  // the showcase's evaluation of last year
      const std::string on = ymd(y, 11, dice_.between(3, 15));
      if (!past(on)) continue;
      auto e = evaluations_.create(demo_, bj::object{{"unit", v.code}, {"year", y}, {"evaluated_on", on}}, kRequestId);
      const auto id = std::stoll(std::string(e.at("id").as_string()));
      bj::object results;
      for (const auto& cr : e.at("criteria").as_array()) {
        if (!cr.at("auto").as_string().empty()) continue;
        results[cr.at("code").as_string()] = bj::object{{"met", true}, {"evidence", "Biên bản họp khu dân cư, báo cáo của Công an xã"}};
      }
      evaluations_.update(demo_, id, bj::object{{"results", std::move(results)}}, kRequestId);
      evaluations_.submit(demo_, id, kRequestId);
      evaluations_.approve(approver_, id, short_of ? "Chưa đủ 100% hộ gia đình đăng ký." : "Đủ điều kiện công nhận.", kRequestId);
      const std::string decided = timeutil::add_days(on, dice_.between(5, 20));
      tx_.write([&](db::Connection& conn) {
        conn.query(kBackdateEvaluation, id, stamp(on, 9), stamp(on, 16), stamp(decided, 10), decided);
        conn.query(kBackdateEvaluationEvents, id, stamp(decided, 10), stamp(on, 16), stamp(on, 9));
      });
      ++rep_.evaluations;
    }
  }
}

}  // namespace antq::demo::history
