// The many records, written many rows a statement.
#include "modules/demo/history.hpp"

namespace antq::demo::history {

void History::add(std::vector<Draft>& out, Draft d) {
  if (past(d.date)) out.push_back(std::move(d));
}

namespace {
const char* const kUnions[] = {"women_union", "youth_union", "farmers_union", "veterans_union"};
}  // namespace

std::vector<History::Draft> History::activity_drafts() {
  std::vector<Draft> out;
  for (int y = kFirstYear; y <= this_year_; ++y) {
    const Year year{y, std::to_string(y), y == 2021 ? 0.55 : 1.0 + 0.06 * (y - 2022)};
    if (district_) district_activities(out, year);
    for (const auto& c : communes_) {
      commune_meetings(out, c, year);
      commune_trainings(out, c, year);
      commune_outreach(out, c, year);
      for (const auto& v : c.villages) village_activities(out, v, year);
      for (const auto& e : c.establishments) establishment_activities(out, e, year);
    }
  }
  return out;
}

void History::district_activities(std::vector<Draft>& out, const Year& y) {
  add(out, {&*district_,
            "campaign_launch",
            ymd(y.y, 3, dice_.between(5, 15)),
            "Hội nghị phát động phong trào Toàn dân bảo vệ an ninh Tổ quốc " + inside(district_->full_name) + " năm " + y.text,
            {"police", "front"},
            {"women_union", "youth_union", "farmers_union", "veterans_union"},
            {"crime", "drugs"},
            people(y, 180, 260),
            0,
            district_program_});
  add(out, {&*district_,
            "review",
            ymd(y.y, 12, dice_.between(5, 20)),
            "Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc " + inside(district_->full_name) + " năm " + y.text,
            {"police", "front"},
            {},
            {"crime"},
            people(y, 120, 180),
            0,
            district_program_});
}

// The commune's launch and reviews, and its "listening" conference.
void History::commune_meetings(std::vector<Draft>& out, const Commune& c, const Year& y) {
  const std::string place = inside(c.unit.full_name);
  const auto prog = program(c.unit.id, y.y);
  add(out, {&c.unit,
            "campaign_launch",
            ymd(y.y, 3, dice_.between(16, 31)),
            "Phát động phong trào Toàn dân bảo vệ an ninh Tổ quốc " + place + " năm " + y.text,
            {"police", "front"},
            {"women_union", "youth_union", "farmers_union", "veterans_union"},
            {"crime", "drugs", "social_evils"},
            people(y, 180, 320),
            0,
            prog});
  add(out, {&c.unit,
            "review",
            ymd(y.y, 7, dice_.between(5, 20)),
            "Sơ kết 6 tháng đầu năm " + y.text + " phong trào Toàn dân bảo vệ an ninh Tổ quốc " + place,
            {"front", "police"},
            {},
            {},
            people(y, 50, 80),
            0,
            prog});
  add(out, {&c.unit,
            "review",
            ymd(y.y, 12, dice_.between(10, 28)),
            "Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc " + place + " năm " + y.text,
            {"front", "police"},
            {},
            {},
            people(y, 80, 120),
            0,
            prog});
  // "Công an lắng nghe ý kiến Nhân dân" conferences, from 2022, in one village a year.
  if (y.y >= 2022) {
    const Place& v = c.villages[static_cast<std::size_t>((y.y + c.unit.id) % static_cast<int>(c.villages.size()))];
    Draft d{&v,
            "listening_conference",
            ymd(y.y, dice_.between(4, 10), dice_.between(1, 28)),
            "Hội nghị Công an lắng nghe ý kiến Nhân dân năm " + y.text + " tại " + inside(v.full_name),
            {"police"},
            {"front"},
            {"crime"},
            people(y, 70, 130)};
    d.conference = true;
    add(out, std::move(d));
  }
}

void History::commune_trainings(std::vector<Draft>& out, const Commune& c, const Year& y) {
  // Trainings: women's union officials, veterans, then the new security teams and fire safety.
  add(out, {&c.unit,
            "training",
            ymd(y.y, dice_.between(4, 6), dice_.between(1, 28)),
            "Tập huấn kiến thức phòng, chống tội phạm, bạo lực gia đình cho cán bộ, hội viên phụ nữ",
            {"police", "women_union"},
            {"women_union"},
            {"crime", "domestic_violence"},
            people(y, 40, 90)});
  add(out, {&c.unit,
            "training",
            ymd(y.y, dice_.between(9, 10), dice_.between(1, 28)),
            "Tập huấn kỹ năng phòng, chống tuần hành, biểu tình trái pháp luật cho hội viên cựu chiến binh",
            {"police", "veterans_union"},
            {"veterans_union"},
            {"crime"},
            people(y, 30, 70)});
  if (y.y >= 2024 && past("2024-07-01")) {
    add(out, {&c.unit,
              "training",
              ymd(y.y, y.y == 2024 ? 8 : dice_.between(3, 9), dice_.between(1, 28)),
              "Tập huấn nghiệp vụ cho Tổ bảo vệ an ninh, trật tự ở cơ sở",
              {"police"},
              {},
              {"crime", "fire"},
              people(y, 15, 40)});
  }
  if (y.y >= 2023) {
    add(out, {&c.unit,
              "training",
              ymd(y.y, dice_.between(5, 11), dice_.between(1, 28)),
              "Tập huấn phòng cháy, chữa cháy và cứu nạn, cứu hộ cho Tổ liên gia an toàn phòng cháy, chữa cháy",
              {"police"},
              {"farmers_union"},
              {"fire"},
              people(y, 30, 60)});
  }
}

void History::commune_outreach(std::vector<Draft>& out, const Commune& c, const Year& y) {
  const std::string place = inside(c.unit.full_name);
  // Leaflets with a union, and the commune's loudspeakers.
  const int leaflets = dice_.between(3, 5);
  for (int k = 0; k < leaflets; ++k) {
    const auto& t = dice_.pick(texts::kTopics);
    if (y.y < t.from_year) continue;
    const Place& v = c.villages[static_cast<std::size_t>(dice_.below(static_cast<int>(c.villages.size())))];
    add(out, {&v,
              "leaflet_distribution",
              ymd(y.y, dice_.between(1, 12), dice_.between(1, 28)),
              t.leaflet,
              {"police", dice_.pick(kUnions)},
              {},
              {t.topic},
              dice_.between(10, 30),
              dice_.between(5, 30) * 100});
  }
  const int broadcasts = dice_.between(4, 6);
  for (int k = 0; k < broadcasts; ++k) {
    const auto& t = dice_.pick(texts::kTopics);
    if (y.y < t.from_year) continue;
    add(out, {&c.unit,
              "propaganda",
              ymd(y.y, dice_.between(1, 12), dice_.between(1, 28)),
              replace(t.title, "{V}", place) + " trên hệ thống loa truyền thanh",
              {"police"},
              {},
              {t.topic},
              0,
              0});
  }
}

void History::village_activities(std::vector<Draft>& out, const Place& v, const Year& y) {
  // The 19/8 festival: small in 2021, then every village.
  add(out, {&v,
            "festival",
            ymd(y.y, 8, dice_.between(5, 19)),
            "Ngày hội Toàn dân bảo vệ an ninh Tổ quốc năm " + y.text + " tại " + inside(v.full_name) +
                (y.y == 2021 ? " (quy mô nhỏ do dịch COVID-19)" : ""),
            {"front", "police"},
            {"women_union", "youth_union", "farmers_union", "veterans_union"},
            {"crime", "drugs"},
            y.y == 2021 ? dice_.between(35, 60) : people(y, 150, 320)});
  add(out, {&v,
            "signing",
            ymd(y.y, 2, dice_.between(15, 28)),
            "Ký kết giao ước thi đua xây dựng khu dân cư an toàn về an ninh, trật tự năm " + y.text,
            {"front"},
            {},
            {},
            people(y, 60, 140)});
  const int sessions = dice_.between(2, 4) + (y.y >= 2023 ? 1 : 0);
  std::vector<std::string> used;
  for (int k = 0; k < sessions; ++k) {
    const auto& t = dice_.pick(texts::kTopics);
    if (y.y < t.from_year || std::find(used.begin(), used.end(), t.topic) != used.end()) continue;
    used.emplace_back(t.topic);
    const std::string topic = t.topic;
    const int month = topic == "human_trafficking" ? 7 : dice_.between(1, 12);
    add(out, {&v,
              "propaganda",
              ymd(y.y, month, dice_.between(1, 28)),
              replace(t.title, "{V}", inside(v.full_name)),
              {"police", dice_.pick(kUnions)},
              {},
              {topic},
              people(y, 40, 150)});
  }
}

void History::establishment_activities(std::vector<Draft>& out, const Place& e, const Year& y) {
  if (e.subkind == "school") {
    add(out, {&e,
              "propaganda",
              ymd(y.y, dice_.between(9, 11), dice_.between(1, 28)),
              "Tuyên truyền phòng, chống ma túy, bạo lực học đường cho học sinh " + e.name,
              {"police", "youth_union"},
              {"youth_union"},
              {"drugs", "traffic"},
              people(y, 400, 900)});
  } else if (e.subkind == "enterprise" || e.subkind == "industrial_park") {
    add(out, {&e,
              "propaganda",
              ymd(y.y, dice_.between(3, 6), dice_.between(1, 28)),
              "Tuyên truyền pháp luật về an ninh, trật tự, phòng cháy, chữa cháy cho công nhân " + e.name,
              {"police"},
              {},
              {"fire", "crime"},
              people(y, 120, 400)});
  }
}

void History::bulk_activities(db::Connection& c, IdSource& ids) {
  RegisterRows activities(c, activities::spec(), keys_, ids);
  RegisterRows opinions(c, opinions::spec(), keys_, ids);
  for (const auto& d : activity_drafts()) {
    bj::object v{{"type", d.type}, {"date", d.date}, {"title", d.title}, {"participants", d.participants}, {"quantity", d.quantity}};
    for (auto [name, list] : {std::pair{"organizers", &d.organizers}, std::pair{"audience", &d.audience}, std::pair{"topics", &d.topics}}) {
      bj::array a;
      for (const auto& x : *list)
        if (std::find(a.begin(), a.end(), bj::value(x)) == a.end()) a.emplace_back(x);
      v[name] = std::move(a);
    }
    if (d.program) v["program_id"] = *d.program;
    const auto id = activities.add(d.at->id, v, stamp(d.date, 17, 30));
    if (!d.conference) continue;
    const int n = dice_.between(3, 5);
    for (int k = 0; k < n; ++k) {
      const auto& o = dice_.pick(texts::kOpinions);
      const int fate = dice_.below(100);
      bj::object op{{"activity_id", id}, {"source", "conference"}, {"topic", o.topic}, {"content", o.content}, {"received_on", d.date}};
      if (fate < 75) {
        op["status"] = "answered";
        op["response"] = o.response;
      } else {
        op["status"] = fate < 92 ? "forwarded" : "received";
      }
      opinions.add(d.at->id, op, stamp(d.date, 18));
    }
  }
  activities.flush();
  opinions.flush();
  rep_.activities = activities.written();
  rep_.opinions = opinions.written();
}

void History::bulk_patrols(db::Connection& c, IdSource& ids) {
  RegisterRows patrols(c, patrols::spec(), keys_, ids);
  for (const auto& t : patrol_teams_) {
    std::string day = std::max(t.started_on, ymd(kFirstYear, 1, 2));
    for (; past(day); day = timeutil::add_days(day, 1)) {
      const int wd = weekday_of(day);
      const int month = std::stoi(day.substr(5, 2));
      const bool tet = month == 1 || month == 2;
      if (!(wd == 6 || (tet && wd == 3))) continue;
      if (!dice_.chance(85)) continue;
      const bool incident = dice_.chance(9);
      bj::object v{{"team_id", t.id},
                   {"started_at", stamp(day, 20, 0)},
                   {"ended_at", stamp(day, 22 + dice_.below(2), 30)},
                   {"route", replace(dice_.pick(texts::kRoutes), "{V}", inside(t.village.full_name))},
                   {"participants", dice_.between(4, 8)},
                   {"incidents", incident ? 1 : 0}};
      if (incident) v["notes"] = dice_.pick(texts::kPatrolIncidents);
      patrols.add(t.village.id, v, stamp(day, 23, 45));
    }
  }
  patrols.flush();
  rep_.patrols = patrols.written();
}

// --- mediations (bulk) -------------------------------------------------------------------------
void History::bulk_mediations(db::Connection& c, IdSource& ids) {
  RegisterRows mediations(c, mediations::spec(), keys_, ids);
  for (const auto& commune : communes_) {
    for (const auto& v : commune.villages) {
      for (int y = kFirstYear; y <= this_year_; ++y) {
        const int n = dice_.between(1, 4);
        for (int k = 0; k < n; ++k) {
          const std::string received = day_in(y, 1, 12);
          if (!past(received)) continue;
          const auto& d = dice_.weighted(texts::kDisputes);
          bj::array parties;
          for (int p = 0; p < 2; ++p) {
            parties.push_back(
                bj::object{{"name", name_of(dice_.chance(35))}, {"birth_year", dice_.between(1950, 1995)}, {"address", v.full_name}});
          }
          bj::object m{{"received_on", received},
                       {"dispute_type", d.type},
                       {"parties", std::move(parties)},
                       {"mediators", "Tổ hòa giải " + inside(v.full_name)},
                       {"content", d.content}};
          const std::string closed = timeutil::add_days(received, dice_.between(4, 25));
          const int fate = dice_.below(100);
          if (!past(closed)) {
            m["outcome"] = "pending";
          } else if (fate < 80) {
            m["outcome"] = "successful";
            m["agreement"] = d.agreement;
            m["closed_on"] = closed;
          } else if (fate < 94) {
            m["outcome"] = "unsuccessful";
            m["closed_on"] = closed;
          } else {
            m["outcome"] = "transferred";
            m["closed_on"] = closed;
          }
          mediations.add(v.id, m, stamp(received, 16));
        }
      }
    }
  }
  mediations.flush();
  rep_.mediations = mediations.written();
}

// --- sessions of the people helped (bulk) ------------------------------------------------------
void History::bulk_sessions(db::Connection& c) {
  static const char* const kinds[] = {"visit",     "visit",     "visit",     "visit",   "visit",
                                      "education", "education", "education", "support", "support"};
  BulkInsert rows(c, kSessionInsert);
  for (const auto& p : people_) {
    for (std::string day = timeutil::add_days(p.from, dice_.between(3, 12)); day <= p.until && past(day);
         day = timeutil::add_days(day, dice_.between(12, 24))) {
      db::Value notes = nullptr;
      if (dice_.chance(60)) notes = keys_.seal(dice_.pick(texts::kSessionNotes), "reintegration_session.notes");
      rows.add({p.id, day, std::string(dice_.pick(kinds)), nullptr, std::move(notes), std::string("demo"), stamp(day, 17)});
    }
  }
  rows.flush();
  rep_.sessions = rows.written();
}

// --- tips with their outcomes (bulk): the last month is left to the showcase's open tips -------
void History::bulk_tips(db::Connection& c, IdSource& ids) {
  static const char* const channels[] = {"in_person", "in_person", "phone", "phone", "phone", "hotline", "online", "online", "chat"};
  const std::string last = timeutil::add_days(today_, -30);
  struct Draft {
    const Place* village;
    std::string day;
  };
  std::vector<Draft> drafts;
  for (const auto& commune : communes_) {
    for (int y = kFirstYear; y <= this_year_; ++y) {
      for (int m = 1; m <= 12; ++m) {
        // About one tip a month per village, a little more as people learn the channels.
        const int n = static_cast<int>(commune.villages.size()) * (8 + std::min(4, y - kFirstYear)) / 10 + dice_.below(3) - 1;
        for (int k = 0; k < n; ++k) {
          const std::string day = ymd(y, m, dice_.between(1, days_in(y, m)));
          if (day >= last) continue;
          drafts.push_back({&commune.villages[static_cast<std::size_t>(dice_.below(static_cast<int>(commune.villages.size())))], day});
        }
      }
    }
  }
  const auto tip_ids = ids.take("tips", static_cast<std::int64_t>(drafts.size()));
  BulkInsert tips(c, kTipInsert);
  BulkInsert events(c, kTipEventInsert, &tips);
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    const auto& d = drafts[i];
    const std::int64_t id = tip_ids[i];
    const auto& t = dice_.weighted(texts::kTips);
    const std::string category = t.category;
    std::string channel = dice_.pick(channels);
    if (category == "online_fraud" && channel == "in_person") channel = "online";
    const std::string description = replace(t.description, "{V}", inside(d.village->full_name));
    const std::string place =
        std::string_view(t.place) == "{V}" ? d.village->full_name : replace(t.place, "{V}", inside(d.village->full_name));
    const std::string code = tips::new_tracking_code();
    const std::string received = stamp(d.day, dice_.between(7, 21), dice_.between(0, 59));
    const auto received_tp = *timeutil::parse_rfc3339(received);
    const auto later = [&](int hours) { return timeutil::to_rfc3339(received_tp + std::chrono::hours(hours)); };
    const bool named = dice_.chance(30);
    db::Value reporter = nullptr;
    if (named) {
      reporter = keys_.seal(bj::serialize(bj::object{{"name", name_of(dice_.chance(40))},
                                                     {"phone", "09" + std::to_string(10000000 + dice_.between(0, 89999999))},
                                                     {"email", ""},
                                                     {"address", d.village->full_name}}),
                            "tip-reporter");
    }
    // Outcomes in the proportions of the Sơn Tây review: about one tip in ten helps solve a case,
    // with one or two suspects; a wanted person now and then.
    const int fate = dice_.below(1000);
    const bool rejected = fate < 70;
    const bool solved = !rejected && fate < 180;
    const bool valid = !rejected && (solved || fate < 820);
    const int suspects = solved ? 1 + (dice_.chance(30) ? 1 : 0) + (dice_.chance(5) ? 1 : 0) : 0;
    const int wanted = !rejected && dice_.chance(1) ? 1 : 0;
    const std::string decided = later(24 * dice_.between(2, 18));
    const bool transfer = category == "online_fraud" || solved;
    const std::string to = "Cơ quan Cảnh sát điều tra Công an " + (district_ ? inside(district_->full_name) : inside(province_));
    tips.add({id,
              code,
              keys_.keyed_hash(tips::new_secret(), "tip-secret"),
              d.village->id,
              category,
              channel,
              description,
              text::fold(description + " " + place + " " + code),
              place,
              std::int64_t{named ? 0 : 1},
              std::move(reporter),
              std::string(rejected ? "rejected" : "closed"),
              std::string(rejected ? "Không có dấu hiệu tội phạm; đã hướng dẫn người báo liên hệ UBND xã giải quyết." : ""),
              received,
              later(24 * 20),
              std::int64_t{transfer ? 1 : 0},
              transfer ? db::Value(later(24)) : db::Value(nullptr),
              transfer ? db::Value(later(20)) : db::Value(nullptr),
              transfer ? db::Value(to) : db::Value(nullptr),
              std::int64_t{valid ? 1 : 0},
              std::int64_t{solved ? 1 : 0},
              std::int64_t{suspects},
              std::int64_t{wanted},
              transfer ? db::Value(to) : db::Value(nullptr),
              solved     ? db::Value(std::string("prosecute"))
              : rejected ? db::Value(nullptr)
                         : db::Value(std::string("not_prosecute")),
              std::string(solved  ? "Đã khởi tố vụ án. Cảm ơn sự phối hợp của bạn."
                          : valid ? "Tin báo đã được xác minh, xử lý. Cảm ơn bạn."
                                  : ""),
              decided,
              std::int64_t{1},
              decided});
    events.add({id, received, std::string("received"), std::string("received"), nullptr, std::int64_t{1}, std::string(""), channel});
    const std::string status = rejected ? "rejected" : "closed";
    events.add({id, decided, std::string("status"), status, std::string("demo"), std::int64_t{1}, std::string(""), std::string("")});
    events.add({id, decided, std::string("decision"), status, std::string("demo"), std::int64_t{1}, std::string(""), std::string("")});
  }
  events.flush();
  rep_.tips = tips.written();
}

// --- members of the teams, replications of the models (bulk) ----------------------------------
void History::bulk_members(db::Connection& c) {
  BulkInsert rows(c, kMemberInsert);
  for (const auto& m : members_) {
    for (const auto& [name, role, gender, born] : m.people) {
      rows.add({m.group_id, name, role, gender, std::int64_t{born}, m.started_on, nullptr, std::string("demo"), stamp(m.started_on, 9)});
    }
  }
  rows.flush();
  rep_.members = rows.written();
}

void History::bulk_replications(db::Connection& c) {
  BulkInsert rows(c, kReplicationInsert);
  for (const auto& [model, unit, from] : replications_) {
    rows.add({model, unit, from, nullptr, std::string("demo"), stamp(from, 9)});
  }
  rows.flush();
  rep_.replications = rows.written();
}

}  // namespace antq::demo::history
