#pragma once
// The history seeder of `antq seed demo` (history_demo.hpp), shared by the files that hold its
// parts: history_records.cpp (programs, groups, models, people, hotspots, pledges, awards and
// evaluations, through the services), history_bulk.cpp (activities, opinions, patrols, mediations,
// sessions, tips, members and replications, many rows a statement) and history_demo.cpp (the order
// they run in). The order of the dice is the order of run(), whatever file a part is in.

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
#include "modules/demo/history_demo.hpp"
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

namespace antq::demo::history {

namespace bj = boost::json;

// 19/8/1945: the day the People's Public Security was founded, and the movement's festival day.
inline constexpr std::uint64_t kSeed = 19450819;
inline constexpr int kFirstYear = 2021;
inline constexpr const char* kRequestId = "seed-demo";

inline constexpr const char* kTipInsert =
    "INSERT INTO tips (id, tracking_code, secret_hash, unit_id, category, channel, description, search_text, place, anonymous, "
    "reporter_sealed, status, status_reason, received_at, settle_due_at, transfer_required, pass_on_due_at, passed_on_at, "
    "passed_on_to, outcome_valid, cases_solved, suspects_arrested, wanted_caught, transferred_to, decision, public_note, decided_at, "
    "dup_checked, updated_at)";
inline constexpr const char* kTipEventInsert = "INSERT INTO tip_events (tip_id, at, kind, status, actor, public, note, detail)";
inline constexpr const char* kSessionInsert =
    "INSERT INTO reintegration_sessions (person_id, date, kind, helpers, notes, created_by, created_at)";
inline constexpr const char* kMemberInsert =
    "INSERT INTO group_members (group_id, name, role, gender, birth_year, joined_on, left_on, created_by, created_at)";
inline constexpr const char* kReplicationInsert =
    "INSERT INTO model_replications (model_id, unit_id, started_on, ended_on, created_by, created_at)";
inline constexpr const char* kOpenGroupsOfUnit =
    "SELECT id, kind, started_on FROM movement_groups WHERE unit_id = $1 AND dissolved_on IS NULL ORDER BY id";
inline constexpr const char* kPledgesOfYear = "SELECT 1 FROM pledges WHERE unit_id = $1 AND year = $2";
inline constexpr const char* kRegistrationOf = "SELECT 1 FROM evaluation_registrations WHERE unit_id = $1 AND year = $2";
inline constexpr const char* kEvaluationOf = "SELECT 1 FROM evaluations WHERE unit_id = $1 AND year = $2";
// Evaluations of past years were decided then, not today: their dates are moved back so that the
// reports count them in their year.
inline constexpr const char* kBackdateEvaluation =
    "UPDATE evaluations SET created_at = $2, submitted_at = $3, decided_at = $4, updated_at = $4, "
    "certificate_date = CASE WHEN certificate_number IS NULL THEN NULL ELSE $5 END WHERE id = $1";
inline constexpr const char* kBackdateEvaluationEvents =
    "UPDATE evaluation_events SET at = CASE action WHEN 'approve' THEN $2 WHEN 'submit' THEN $3 ELSE $4 END WHERE evaluation_id = $1";

// Deterministic choices from one generator (modulo, not <random>'s distributions, whose output
// differs between standard libraries).
struct Dice {
  std::mt19937_64 rng{kSeed};
  int below(int n) { return n <= 1 ? 0 : static_cast<int>(rng() % static_cast<std::uint64_t>(n)); }
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }
  bool chance(int percent) { return below(100) < percent; }
  template <class T, std::size_t N>
  const T& pick(const T (&a)[N]) {
    return a[below(static_cast<int>(N))];
  }
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

inline std::string ymd(int y, int m, int d) {
  char buf[40];  // room for any int, so the compiler sees no truncation
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

inline int days_in(int y, int m) {
  using namespace std::chrono;
  return static_cast<int>(static_cast<unsigned>((year{y} / month{static_cast<unsigned>(m)} / last).day()));
}

// Monday = 1 … Sunday = 7.
inline int weekday_of(const std::string& day) {
  using namespace std::chrono;
  const auto d = *timeutil::parse_date(day);
  return static_cast<int>(weekday{sys_days{d}}.iso_encoding());
}

inline std::string replace(std::string s, std::string_view from, const std::string& to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) s.replace(pos, from.size(), to);
  return s;
}

// "Xã Sơn Tịnh" → "xã Sơn Tịnh", as it reads inside a sentence.
inline std::string inside(const std::string& full_name) { return text::lower_initial(full_name); }

inline bj::array codes(std::initializer_list<const char*> list) {
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
    for (auto s :
         {programs::spec(), groups::spec(), models::spec(), reintegration::spec(), hotspots::spec(), pledges::spec(), awards::spec()}) {
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

  HistoryReport run();

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
  std::int64_t create(const std::string& reg, bj::object body) { return service(reg).create(demo_, body, kRequestId).id; }
  bool exists(const char* sql, std::int64_t unit_id, std::int64_t year) {
    return tx_.read_value([&](db::Connection& c) { return !c.query(sql, unit_id, year).rows.empty(); });
  }
  std::optional<std::int64_t> program(std::int64_t commune_id, int year) const {
    auto it = programs_.find({commune_id, year});
    if (it == programs_.end()) return std::nullopt;
    return it->second;
  }

  void programs_of(const Commune& c);
  void district_programs();

  // --- groups (service; members in bulk later) ---------------------------------------------------
  struct PendingMembers {
    std::int64_t group_id;
    std::string started_on;
    std::vector<std::tuple<std::string, std::string, std::string, int>> people;  // name, role, gender, birth year
  };

  void groups_of(const Commune& c);

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

  void models_of(const Commune& c, int index);

  // --- people helped (service; sessions in bulk later) -------------------------------------------
  struct Person {
    std::int64_t id;
    std::string from, until;
  };

  void people_of(const Commune& c);
  void hotspot_of(const Commune& c);
  void pledges_of(const Commune& c);
  void awards_of(const Commune& c);
  void evaluations_of(const Commune& c);

  // --- activities and opinions (bulk) ------------------------------------------------------------
  struct Draft {
    const Place* at;
    std::string type, date, title;
    std::vector<std::string> organizers, audience, topics;
    int participants = 0, quantity = 0;
    std::optional<std::int64_t> program;
    bool conference = false;
  };

  void add(std::vector<Draft>& out, Draft d);
  std::vector<Draft> activity_drafts();
  // One year of activities. 2021: gatherings were cut down by COVID-19; the movement grows a
  // little every year after (scale). Each part below draws its dice in the order seeding always has.
  struct Year {
    int y;
    std::string text;  // "2024"
    double scale;
  };
  int people(const Year& y, int lo, int hi) { return static_cast<int>(dice_.between(lo, hi) * y.scale); }
  void district_activities(std::vector<Draft>& out, const Year& y);
  void commune_meetings(std::vector<Draft>& out, const Commune& c, const Year& y);
  void commune_trainings(std::vector<Draft>& out, const Commune& c, const Year& y);
  void commune_outreach(std::vector<Draft>& out, const Commune& c, const Year& y);
  void village_activities(std::vector<Draft>& out, const Place& v, const Year& y);
  void establishment_activities(std::vector<Draft>& out, const Place& e, const Year& y);
  void bulk_activities(db::Connection& c, IdSource& ids);

  // --- patrols (bulk): Saturday nights, and Wednesdays too around Tết ----------------------------
  struct Team {
    Place village;
    std::int64_t id;
    std::string started_on;
  };

  void bulk_patrols(db::Connection& c, IdSource& ids);
  void bulk_mediations(db::Connection& c, IdSource& ids);
  void bulk_sessions(db::Connection& c);
  void bulk_tips(db::Connection& c, IdSource& ids);
  void bulk_members(db::Connection& c);
  void bulk_replications(db::Connection& c);

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

}  // namespace antq::demo::history
