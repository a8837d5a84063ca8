#include "modules/demo/history_demo.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <random>
#include <vector>

#include "core/text.hpp"
#include "core/time.hpp"
#include "modules/activities/activities_spec.hpp"
#include "modules/awards/awards_spec.hpp"
#include "modules/demo/bulk_insert.hpp"
#include "modules/demo/history_texts.hpp"
#include "modules/demo/register_rows.hpp"
#include "modules/evaluations/evaluations_service.hpp"
#include "modules/groups/groups_spec.hpp"
#include "modules/hotspots/hotspots_spec.hpp"
#include "modules/mediations/mediations_spec.hpp"
#include "modules/models/models_spec.hpp"
#include "modules/opinions/opinions_spec.hpp"
#include "modules/patrols/patrols_spec.hpp"
#include "modules/pledges/pledges_spec.hpp"
#include "modules/programs/programs_spec.hpp"
#include "modules/registers/register_service.hpp"
#include "modules/reintegration/reintegration_spec.hpp"
#include "modules/tips/tip_codes.hpp"
#include "modules/units/units_repository.hpp"

namespace antq::demo {

namespace bj = boost::json;

std::int64_t HistoryReport::total() const {
  return activities + opinions + tips + mediations + patrols + people + sessions + groups + members + models + replications + programs +
         pledges + awards + hotspots + registrations + evaluations;
}

namespace {

// 19/8/1945: the day the People's Public Security was founded, and the movement's festival day.
constexpr std::uint64_t kSeed = 19450819;
constexpr int kFirstYear = 2021;
constexpr const char* kRequestId = "seed-demo";

constexpr const char* kTipInsert =
    "INSERT INTO tips (id, tracking_code, secret_hash, unit_id, category, channel, description, search_text, place, anonymous, "
    "reporter_sealed, status, status_reason, received_at, settle_due_at, transfer_required, pass_on_due_at, passed_on_at, "
    "passed_on_to, outcome_valid, cases_solved, suspects_arrested, wanted_caught, transferred_to, decision, public_note, decided_at, "
    "dup_checked, updated_at)";
constexpr const char* kTipEventInsert = "INSERT INTO tip_events (tip_id, at, kind, status, actor, public, note, detail)";
constexpr const char* kSessionInsert =
    "INSERT INTO reintegration_sessions (person_id, date, kind, helpers, notes, created_by, created_at)";
constexpr const char* kMemberInsert =
    "INSERT INTO group_members (group_id, name, role, gender, birth_year, joined_on, left_on, created_by, created_at)";
constexpr const char* kReplicationInsert =
    "INSERT INTO model_replications (model_id, unit_id, started_on, ended_on, created_by, created_at)";
constexpr const char* kOpenGroupsOfUnit =
    "SELECT id, kind, started_on FROM movement_groups WHERE unit_id = $1 AND dissolved_on IS NULL ORDER BY id";
constexpr const char* kPledgesOfYear = "SELECT 1 FROM pledges WHERE unit_id = $1 AND year = $2";
constexpr const char* kRegistrationOf = "SELECT 1 FROM evaluation_registrations WHERE unit_id = $1 AND year = $2";
constexpr const char* kEvaluationOf = "SELECT 1 FROM evaluations WHERE unit_id = $1 AND year = $2";
// Evaluations of past years were decided then, not today: their dates are moved back so that the
// reports count them in their year.
constexpr const char* kBackdateEvaluation =
    "UPDATE evaluations SET created_at = $2, submitted_at = $3, decided_at = $4, updated_at = $4, "
    "certificate_date = CASE WHEN certificate_number IS NULL THEN NULL ELSE $5 END WHERE id = $1";
constexpr const char* kBackdateEvaluationEvents =
    "UPDATE evaluation_events SET at = CASE action WHEN 'approve' THEN $2 WHEN 'submit' THEN $3 ELSE $4 END WHERE evaluation_id = $1";

// Deterministic choices from one generator (modulo, not <random>'s distributions, whose output
// differs between standard libraries).
struct Dice {
  std::mt19937_64 rng{kSeed};
  int below(int n) { return n <= 1 ? 0 : static_cast<int>(rng() % static_cast<std::uint64_t>(n)); }
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }
  bool chance(int percent) { return below(100) < percent; }
  template <class T, std::size_t N>
  const T& pick(const T (&a)[N]) { return a[below(static_cast<int>(N))]; }
  template <class T, std::size_t N>
  const T& weighted(const T (&a)[N]) {
    int sum = 0;
    for (const auto& x : a) sum += x.weight;
    int r = below(sum);
    for (const auto& x : a) {
      if (r < x.weight) return x;
      r -= x.weight;
    }
    return a[0];
  }
};

struct Place {
  std::int64_t id = 0;
  std::string code, name, full_name, kind, subkind;
};
struct Commune {
  Place unit;
  std::vector<Place> villages, establishments;
};

std::string ymd(int y, int m, int d) {
  char buf[40];  // room for any int, so the compiler sees no truncation
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int days_in(int y, int m) {
  using namespace std::chrono;
  return static_cast<int>(static_cast<unsigned>((year{y} / month{static_cast<unsigned>(m)} / last).day()));
}

// Monday = 1 … Sunday = 7.
int weekday_of(const std::string& day) {
  using namespace std::chrono;
  const auto d = *timeutil::parse_date(day);
  return static_cast<int>(weekday{sys_days{d}}.iso_encoding());
}

std::string replace(std::string s, std::string_view from, const std::string& to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) s.replace(pos, from.size(), to);
  return s;
}

// "Xã Sơn Tịnh" → "xã Sơn Tịnh", as it reads inside a sentence.
std::string inside(const std::string& full_name) { return text::lower_initial(full_name); }

bj::array codes(std::initializer_list<const char*> list) {
  bj::array a;
  for (const char* x : list) a.emplace_back(x);
  return a;
}

class History {
 public:
  History(db::Database& tx, const crypto::Keyring& keys, const audit::AuditLog& audit, std::optional<Place> district,
          std::vector<Commune> communes, std::string province)
      : tx_(tx),
        keys_(keys),
        audit_(audit),
        district_(std::move(district)),
        communes_(std::move(communes)),
        province_(std::move(province)),
        today_(timeutil::today_vietnam()),
        this_year_(std::stoi(today_.substr(0, 4))),
        now_(timeutil::now_utc()),
        evaluations_(tx, audit, "") {
    for (auto s : {programs::spec(), groups::spec(), models::spec(), reintegration::spec(), hotspots::spec(), pledges::spec(),
                   awards::spec()}) {
      const std::string name = s.name;
      demo_.permissions.push_back(s.write_permission);
      demo_.permissions.push_back(s.read_permission);
      services_.emplace(name, std::make_unique<registers::RegisterService>(std::move(s), tx_, keys_, audit_));
    }
    demo_.username = "demo";
    demo_.role = "admin";
    demo_.permissions.push_back("evaluations.write");
    std::sort(demo_.permissions.begin(), demo_.permissions.end());
    demo_.permissions.erase(std::unique(demo_.permissions.begin(), demo_.permissions.end()), demo_.permissions.end());
    approver_.username = "demo-ubnd";
    approver_.role = "admin";
    approver_.permissions = {"evaluations.approve", "movement.read"};
  }

  HistoryReport run() {
    rep_.from = ymd(kFirstYear, 1, 1);
    rep_.to = today_;
    // Records with rules first, through the services; then the bulk rows, which take their ids
    // ahead of the INSERTs (no service may insert into those tables meanwhile).
    for (const auto& c : communes_) programs_of(c);
    if (district_) district_programs();
    for (const auto& c : communes_) groups_of(c);
    for (std::size_t i = 0; i < communes_.size(); ++i) models_of(communes_[i], static_cast<int>(i));
    for (const auto& c : communes_) people_of(c);
    for (const auto& c : communes_) hotspot_of(c);
    for (const auto& c : communes_) pledges_of(c);
    for (const auto& c : communes_) awards_of(c);
    for (const auto& c : communes_) evaluations_of(c);
    tx_.write([&](db::Connection& c) {
      IdSource ids(c);
      bulk_activities(c, ids);
      bulk_patrols(c, ids);
      bulk_mediations(c, ids);
      bulk_sessions(c);
      bulk_tips(c, ids);
      bulk_members(c);
      bulk_replications(c);
    });
    return rep_;
  }

 private:
  // --- dates ---------------------------------------------------------------------------------
  bool past(const std::string& day) const { return day < today_; }
  std::string day_in(int y, int m_from, int m_to) {
    const int m = dice_.between(m_from, m_to);
    return ymd(y, m, dice_.between(1, days_in(y, m)));
  }
  // A Vietnam local time on `day` as stored (RFC 3339 UTC), never later than now.
  std::string stamp(const std::string& day, int hour, int minute = 0) const {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00+07:00", day.c_str(), hour, minute);
    const std::string at = timeutil::to_rfc3339(*timeutil::parse_rfc3339(buf));
    return std::min(at, now_);
  }
  std::string name_of(bool female) {
    using namespace texts;
    return std::string(dice_.pick(kSurnames)) + " " + (female ? dice_.pick(kFemaleMiddle) : dice_.pick(kMaleMiddle)) + " " +
           (female ? dice_.pick(kFemaleGiven) : dice_.pick(kMaleGiven));
  }
  registers::RegisterService& service(const std::string& name) { return *services_.at(name); }
  std::int64_t create(const std::string& reg, bj::object body) {
    return service(reg).create(demo_, body, kRequestId).id;
  }
  bool exists(const char* sql, std::int64_t unit_id, std::int64_t year) {
    return tx_.read_value([&](db::Connection& c) { return !c.query(sql, unit_id, year).rows.empty(); });
  }
  std::optional<std::int64_t> program(std::int64_t commune_id, int year) const {
    auto it = programs_.find({commune_id, year});
    if (it == programs_.end()) return std::nullopt;
    return it->second;
  }

  // --- programs (service) ----------------------------------------------------------------------
  void programs_of(const Commune& c) {
    const std::string place = inside(c.unit.full_name);
    const std::string police = c.unit.subkind == "Phường" ? "Công an phường" : c.unit.subkind == "Thị trấn" ? "Công an thị trấn" : "Công an xã";
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
    create("programs", bj::object{{"unit", c.unit.code},
                                  {"number", "02/KHLT-CA-MTTQ"},
                                  {"title", "Kế hoạch liên tịch phòng, chống ma túy, xây dựng " + place +
                                                " không tệ nạn ma túy giai đoạn 2022 – 2025"},
                                  {"parties", codes({"police", "front", "women_union", "youth_union"})},
                                  {"signed_on", drugs_plan},
                                  {"period_from", drugs_plan},
                                  {"period_to", "2025-12-31"}});
    ++rep_.programs;
  }

  void district_programs() {
    const std::string place = inside(district_->full_name);
    const std::string signed_on = ymd(kFirstYear, 2, dice_.between(20, 26));
    district_program_ = create(
        "programs", bj::object{{"unit", district_->code},
                               {"number", "05/CTrPH-CAH-MTTQ"},
                               {"title", "Chương trình phối hợp giữa Công an huyện và Ủy ban MTTQ Việt Nam " + place +
                                             " về \"Đẩy mạnh phong trào Toàn dân bảo vệ an ninh Tổ quốc\" trong tình hình mới"},
                               {"parties", codes({"police", "front"})},
                               {"signed_on", signed_on},
                               {"period_from", signed_on},
                               {"period_to", "2025-12-31"}});
    ++rep_.programs;
  }

  // --- groups (service; members in bulk later) ---------------------------------------------------
  struct PendingMembers {
    std::int64_t group_id;
    std::string started_on;
    std::vector<std::tuple<std::string, std::string, std::string, int>> people;  // name, role, gender, birth year
  };

  void groups_of(const Commune& c) {
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
          m.people.emplace_back(name_of(female), k == 0 ? "leader" : k == 1 ? "deputy" : "member", female ? "female" : "male",
                                dice_.between(1968, 1998));
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
        else name = dice_.chance(50) ? "Tổ tự quản đường làng an toàn giao thông " + in_v : "Câu lạc bộ phòng, chống tội phạm và tệ nạn xã hội " + in_v;
        const std::string started = ymd(dice_.between(2019, std::min(this_year_ - 1, 2024)), dice_.between(1, 12), dice_.between(1, 28));
        bj::object body{{"unit", v.code}, {"kind", "self_managed"}, {"name", name}, {"started_on", started},
                        {"members_count", dice_.between(8, 30)}};
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

  // --- models (service; replications in bulk later) ---------------------------------------------
  struct ModelPlan {
    const char* name;
    const char* kind;
    const char* field;
    int year, month;
    const char* place;  // village | commune | school | enterprise
    int replicate;      // villages it spreads to
    const char* ended;  // "" when still running
  };

  void models_of(const Commune& c, int index) {
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

  // --- people helped (service; sessions in bulk later) -------------------------------------------
  struct Person {
    std::int64_t id;
    std::string from, until;
  };

  void people_of(const Commune& c) {
    static const char* const categories[] = {"released_prisoner", "released_prisoner", "post_rehab", "post_rehab", "post_rehab",
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
        const std::string organisation = category == "released_prisoner" ? "Hội Cựu chiến binh"
                                          : category == "administrative_measure" ? "Hội Nông dân"
                                          : category == "other" ? "Hội Liên hiệp Phụ nữ"
                                                                : "Đoàn Thanh niên";
        const std::string plan = category == "post_rehab"
                                     ? "Gia đình quản lý, Đoàn Thanh niên kèm cặp; giới thiệu việc làm tại khu công nghiệp"
                                 : juvenile ? "Gia đình và nhà trường phối hợp quản lý, giáo dục; tham gia sinh hoạt Đoàn"
                                            : "Giúp học nghề, giới thiệu vay vốn ưu đãi; gặp gỡ, động viên hằng tháng";
        char id_number[16];
        std::snprintf(id_number, sizeof id_number, "051%03d%06d", born % 1000, dice_.between(0, 999999));
        const auto id = create("reintegration/people",
                               bj::object{{"unit", v.code},
                                          {"category", category},
                                          {"name", name_of(dice_.chance(12))},
                                          {"birth_year", born},
                                          {"id_number", id_number},
                                          {"address", inside(v.full_name) + ", " + inside(c.unit.full_name)},
                                          {"start_date", start},
                                          {"helper_family", juvenile ? "Bố mẹ" : dice_.chance(50) ? "Vợ" : "Mẹ"},
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
  void hotspot_of(const Commune& c) {
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

  void pledges_of(const Commune& c) {
    for (int y = kFirstYear; y <= this_year_; ++y) {
      if (!past(ymd(y, 2, 28))) continue;
      for (const auto& v : c.villages) {
        if (exists(kPledgesOfYear, v.id, y)) continue;  // the showcase's pledges of this year
        create("pledges", bj::object{{"unit", v.code},
                                     {"pledger_kind", "household"},
                                     {"pledger", "Các hộ gia đình " + inside(v.full_name)},
                                     {"content", "Không để người thân vi phạm pháp luật, tham gia tệ nạn xã hội; giữ gìn an ninh, "
                                                 "trật tự khu dân cư; tố giác tội phạm"},
                                     {"year", y},
                                     {"result", y == this_year_ ? "pending" : dice_.chance(92) ? "kept" : "broken"}});
        ++rep_.pledges;
      }
      for (const auto& e : c.establishments) {
        if (e.subkind == "hospital" || exists(kPledgesOfYear, e.id, y)) continue;
        create("pledges", bj::object{{"unit", e.code},
                                     {"pledger_kind", "unit"},
                                     {"pledger", e.name},
                                     {"content", e.subkind == "school" ? "Xây dựng trường học an toàn về an ninh, trật tự; không có học sinh vi phạm pháp luật"
                                                                       : "Xây dựng cơ quan, doanh nghiệp an toàn về an ninh, trật tự"},
                                     {"year", y},
                                     {"result", y == this_year_ ? "pending" : "kept"}});
        ++rep_.pledges;
      }
    }
  }

  void awards_of(const Commune& c) {
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
  void evaluations_of(const Commune& c) {
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

  // --- activities and opinions (bulk) ------------------------------------------------------------
  struct Draft {
    const Place* at;
    std::string type, date, title;
    std::vector<std::string> organizers, audience, topics;
    int participants = 0, quantity = 0;
    std::optional<std::int64_t> program;
    bool conference = false;
  };

  void add(std::vector<Draft>& out, Draft d) {
    if (past(d.date)) out.push_back(std::move(d));
  }

  std::vector<Draft> activity_drafts() {
    std::vector<Draft> out;
    static const char* const unions[] = {"women_union", "youth_union", "farmers_union", "veterans_union"};
    for (int y = kFirstYear; y <= this_year_; ++y) {
      // 2021: gatherings were cut down by COVID-19; the movement grows a little every year after.
      const double scale = y == 2021 ? 0.55 : 1.0 + 0.06 * (y - 2022);
      auto people = [&](int lo, int hi) { return static_cast<int>(dice_.between(lo, hi) * scale); };
      const std::string year = std::to_string(y);
      if (district_) {
        add(out, {&*district_, "campaign_launch", ymd(y, 3, dice_.between(5, 15)),
                  "Hội nghị phát động phong trào Toàn dân bảo vệ an ninh Tổ quốc " + inside(district_->full_name) + " năm " + year,
                  {"police", "front"}, {"women_union", "youth_union", "farmers_union", "veterans_union"}, {"crime", "drugs"},
                  people(180, 260), 0, district_program_});
        add(out, {&*district_, "review", ymd(y, 12, dice_.between(5, 20)),
                  "Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc " + inside(district_->full_name) + " năm " + year,
                  {"police", "front"}, {}, {"crime"}, people(120, 180), 0, district_program_});
      }
      for (const auto& c : communes_) {
        const std::string place = inside(c.unit.full_name);
        const auto prog = program(c.unit.id, y);
        add(out, {&c.unit, "campaign_launch", ymd(y, 3, dice_.between(16, 31)),
                  "Phát động phong trào Toàn dân bảo vệ an ninh Tổ quốc " + place + " năm " + year, {"police", "front"},
                  {"women_union", "youth_union", "farmers_union", "veterans_union"}, {"crime", "drugs", "social_evils"},
                  people(180, 320), 0, prog});
        add(out, {&c.unit, "review", ymd(y, 7, dice_.between(5, 20)),
                  "Sơ kết 6 tháng đầu năm " + year + " phong trào Toàn dân bảo vệ an ninh Tổ quốc " + place, {"front", "police"}, {},
                  {}, people(50, 80), 0, prog});
        add(out, {&c.unit, "review", ymd(y, 12, dice_.between(10, 28)),
                  "Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc " + place + " năm " + year, {"front", "police"}, {}, {},
                  people(80, 120), 0, prog});
        // "Công an lắng nghe ý kiến Nhân dân" conferences, from 2022, in one village a year.
        if (y >= 2022) {
          const Place& v = c.villages[static_cast<std::size_t>((y + c.unit.id) % static_cast<int>(c.villages.size()))];
          Draft d{&v, "listening_conference", ymd(y, dice_.between(4, 10), dice_.between(1, 28)),
                  "Hội nghị Công an lắng nghe ý kiến Nhân dân năm " + year + " tại " + inside(v.full_name), {"police"}, {"front"},
                  {"crime"}, people(70, 130)};
          d.conference = true;
          add(out, std::move(d));
        }
        // Trainings: women's union officials, veterans, then the new security teams and fire safety.
        add(out, {&c.unit, "training", ymd(y, dice_.between(4, 6), dice_.between(1, 28)),
                  "Tập huấn kiến thức phòng, chống tội phạm, bạo lực gia đình cho cán bộ, hội viên phụ nữ", {"police", "women_union"},
                  {"women_union"}, {"crime", "domestic_violence"}, people(40, 90)});
        add(out, {&c.unit, "training", ymd(y, dice_.between(9, 10), dice_.between(1, 28)),
                  "Tập huấn kỹ năng phòng, chống tuần hành, biểu tình trái pháp luật cho hội viên cựu chiến binh", {"police", "veterans_union"},
                  {"veterans_union"}, {"crime"}, people(30, 70)});
        if (y >= 2024 && past("2024-07-01")) {
          add(out, {&c.unit, "training", ymd(y, y == 2024 ? 8 : dice_.between(3, 9), dice_.between(1, 28)),
                    "Tập huấn nghiệp vụ cho Tổ bảo vệ an ninh, trật tự ở cơ sở", {"police"}, {}, {"crime", "fire"}, people(15, 40)});
        }
        if (y >= 2023) {
          add(out, {&c.unit, "training", ymd(y, dice_.between(5, 11), dice_.between(1, 28)),
                    "Tập huấn phòng cháy, chữa cháy và cứu nạn, cứu hộ cho Tổ liên gia an toàn phòng cháy, chữa cháy", {"police"},
                    {"farmers_union"}, {"fire"}, people(30, 60)});
        }
        // Leaflets with a union, and the commune's loudspeakers.
        const int leaflets = dice_.between(3, 5);
        for (int k = 0; k < leaflets; ++k) {
          const auto& t = dice_.pick(texts::kTopics);
          if (y < t.from_year) continue;
          const Place& v = c.villages[static_cast<std::size_t>(dice_.below(static_cast<int>(c.villages.size())))];
          add(out, {&v, "leaflet_distribution", ymd(y, dice_.between(1, 12), dice_.between(1, 28)), t.leaflet,
                    {"police", dice_.pick(unions)}, {}, {t.topic}, dice_.between(10, 30), dice_.between(5, 30) * 100});
        }
        const int broadcasts = dice_.between(4, 6);
        for (int k = 0; k < broadcasts; ++k) {
          const auto& t = dice_.pick(texts::kTopics);
          if (y < t.from_year) continue;
          add(out, {&c.unit, "propaganda", ymd(y, dice_.between(1, 12), dice_.between(1, 28)),
                    replace(t.title, "{V}", place) + " trên hệ thống loa truyền thanh", {"police"}, {}, {t.topic}, 0, 0});
        }
        for (const auto& v : c.villages) {
          // The 19/8 festival: small in 2021, then every village.
          add(out, {&v, "festival", ymd(y, 8, dice_.between(5, 19)),
                    "Ngày hội Toàn dân bảo vệ an ninh Tổ quốc năm " + year + " tại " + inside(v.full_name) +
                        (y == 2021 ? " (quy mô nhỏ do dịch COVID-19)" : ""),
                    {"front", "police"}, {"women_union", "youth_union", "farmers_union", "veterans_union"}, {"crime", "drugs"},
                    y == 2021 ? dice_.between(35, 60) : people(150, 320)});
          add(out, {&v, "signing", ymd(y, 2, dice_.between(15, 28)),
                    "Ký kết giao ước thi đua xây dựng khu dân cư an toàn về an ninh, trật tự năm " + year, {"front"}, {}, {},
                    people(60, 140)});
          const int sessions = dice_.between(2, 4) + (y >= 2023 ? 1 : 0);
          std::vector<std::string> used;
          for (int k = 0; k < sessions; ++k) {
            const auto& t = dice_.pick(texts::kTopics);
            if (y < t.from_year || std::find(used.begin(), used.end(), t.topic) != used.end()) continue;
            used.emplace_back(t.topic);
            const std::string topic = t.topic;
            const int month = topic == "human_trafficking" ? 7 : dice_.between(1, 12);
            add(out, {&v, "propaganda", ymd(y, month, dice_.between(1, 28)), replace(t.title, "{V}", inside(v.full_name)),
                      {"police", dice_.pick(unions)}, {}, {topic}, people(40, 150)});
          }
        }
        for (const auto& e : c.establishments) {
          if (e.subkind == "school") {
            add(out, {&e, "propaganda", ymd(y, dice_.between(9, 11), dice_.between(1, 28)),
                      "Tuyên truyền phòng, chống ma túy, bạo lực học đường cho học sinh " + e.name, {"police", "youth_union"},
                      {"youth_union"}, {"drugs", "traffic"}, people(400, 900)});
          } else if (e.subkind == "enterprise" || e.subkind == "industrial_park") {
            add(out, {&e, "propaganda", ymd(y, dice_.between(3, 6), dice_.between(1, 28)),
                      "Tuyên truyền pháp luật về an ninh, trật tự, phòng cháy, chữa cháy cho công nhân " + e.name, {"police"}, {},
                      {"fire", "crime"}, people(120, 400)});
          }
        }
      }
    }
    return out;
  }

  void bulk_activities(db::Connection& c, IdSource& ids) {
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

  // --- patrols (bulk): Saturday nights, and Wednesdays too around Tết ----------------------------
  struct Team {
    Place village;
    std::int64_t id;
    std::string started_on;
  };

  void bulk_patrols(db::Connection& c, IdSource& ids) {
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
  void bulk_mediations(db::Connection& c, IdSource& ids) {
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
              parties.push_back(bj::object{{"name", name_of(dice_.chance(35))}, {"birth_year", dice_.between(1950, 1995)},
                                           {"address", v.full_name}});
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
  void bulk_sessions(db::Connection& c) {
    static const char* const kinds[] = {"visit", "visit", "visit", "visit", "visit", "education", "education", "education", "support",
                                        "support"};
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
  void bulk_tips(db::Connection& c, IdSource& ids) {
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
      const std::string place = std::string_view(t.place) == "{V}" ? d.village->full_name : replace(t.place, "{V}", inside(d.village->full_name));
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
      tips.add({id, code, keys_.keyed_hash(tips::new_secret(), "tip-secret"), d.village->id, category, channel, description,
                text::fold(description + " " + place + " " + code), place, std::int64_t{named ? 0 : 1}, std::move(reporter),
                std::string(rejected ? "rejected" : "closed"),
                std::string(rejected ? "Không có dấu hiệu tội phạm; đã hướng dẫn người báo liên hệ UBND xã giải quyết." : ""),
                received, later(24 * 20), std::int64_t{transfer ? 1 : 0}, transfer ? db::Value(later(24)) : db::Value(nullptr),
                transfer ? db::Value(later(20)) : db::Value(nullptr), transfer ? db::Value(to) : db::Value(nullptr),
                std::int64_t{valid ? 1 : 0}, std::int64_t{solved ? 1 : 0}, std::int64_t{suspects}, std::int64_t{wanted},
                transfer ? db::Value(to) : db::Value(nullptr),
                solved ? db::Value(std::string("prosecute")) : rejected ? db::Value(nullptr) : db::Value(std::string("not_prosecute")),
                std::string(solved ? "Đã khởi tố vụ án. Cảm ơn sự phối hợp của bạn."
                                   : valid ? "Tin báo đã được xác minh, xử lý. Cảm ơn bạn."
                                           : ""),
                decided, std::int64_t{1}, decided});
      events.add({id, received, std::string("received"), std::string("received"), nullptr, std::int64_t{1}, std::string(""), channel});
      const std::string status = rejected ? "rejected" : "closed";
      events.add({id, decided, std::string("status"), status, std::string("demo"), std::int64_t{1}, std::string(""), std::string("")});
      events.add({id, decided, std::string("decision"), status, std::string("demo"), std::int64_t{1}, std::string(""), std::string("")});
    }
    events.flush();
    rep_.tips = tips.written();
  }

  // --- members of the teams, replications of the models (bulk) ----------------------------------
  void bulk_members(db::Connection& c) {
    BulkInsert rows(c, kMemberInsert);
    for (const auto& m : members_) {
      for (const auto& [name, role, gender, born] : m.people) {
        rows.add({m.group_id, name, role, gender, std::int64_t{born}, m.started_on, nullptr, std::string("demo"), stamp(m.started_on, 9)});
      }
    }
    rows.flush();
    rep_.members = rows.written();
  }

  void bulk_replications(db::Connection& c) {
    BulkInsert rows(c, kReplicationInsert);
    for (const auto& [model, unit, from] : replications_) {
      rows.add({model, unit, from, nullptr, std::string("demo"), stamp(from, 9)});
    }
    rows.flush();
    rep_.replications = rows.written();
  }

  db::Database& tx_;
  const crypto::Keyring& keys_;
  const audit::AuditLog& audit_;
  std::optional<Place> district_;
  std::vector<Commune> communes_;
  std::string province_;
  std::string today_;
  int this_year_;
  std::string now_;
  Dice dice_;
  http::Principal demo_, approver_;
  std::map<std::string, std::unique_ptr<registers::RegisterService>> services_;
  evaluations::EvaluationsService evaluations_;
  HistoryReport rep_;

  std::map<std::pair<std::int64_t, int>, std::int64_t> programs_;  // (commune, year) → program
  std::optional<std::int64_t> district_program_;
  std::vector<Team> patrol_teams_;
  std::vector<PendingMembers> members_;
  std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> replications_;  // model, unit, from
  std::vector<Person> people_;
};

Place place_of(const units::Unit& u) { return {u.id, u.code, u.name, u.full_name, u.kind, u.subkind}; }

}  // namespace

HistoryReport write_history(db::Database& tx, const crypto::Keyring& keys, const audit::AuditLog& audit, const units::LiveDemo& live) {
  std::optional<Place> district;
  std::vector<Commune> communes;
  std::string province, area;
  tx.read([&](db::Connection& c) {
    for (const auto& lc : live.communes) {
      if (!lc.area->history) continue;
      auto unit = units::repo::find_by_id(c, lc.id);
      if (!unit) continue;
      Commune commune{place_of(*unit), {}, {}};
      for (const auto& local : lc.commune->locals) {
        auto u = units::repo::find_active(c, local.code);
        if (!u) continue;
        (u->kind == "village" ? commune.villages : commune.establishments).push_back(place_of(*u));
      }
      if (commune.villages.empty()) continue;
      if (province.empty()) {
        for (const auto& a : units::repo::ancestors(c, *unit))
          if (a.kind == "province") province = a.full_name;
      }
      if (!district && *lc.area->district_code) {
        if (auto d = units::repo::find_active(c, lc.area->district_code)) district = place_of(*d);
      }
      communes.push_back(std::move(commune));
    }
  });
  if (communes.empty()) return {};
  area = district ? district->full_name : communes.front().unit.full_name;
  History h(tx, keys, audit, std::move(district), std::move(communes), province);
  auto rep = h.run();
  rep.area = area;
  return rep;
}

}  // namespace antq::demo
