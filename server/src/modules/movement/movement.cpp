#include "modules/movement/movement.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <memory>

#include "core/time.hpp"
#include "modules/activities/activities_spec.hpp"
#include "modules/awards/awards_spec.hpp"
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
#include "modules/units/units_repository.hpp"

namespace antq::movement {

namespace bj = boost::json;

std::vector<registers::Spec> specs() {
  return {programs::spec(),   activities::spec(), opinions::spec(), models::spec(),        groups::spec(),  patrols::spec(),
          mediations::spec(), pledges::spec(),    awards::spec(),   reintegration::spec(), hotspots::spec()};
}

namespace {

// Records for one commune; {V1}… are its villages, {C} the commune. Dates are relative to a year
// so the demo stays current: {Y} this year, {P} the previous one.
struct DemoRecord {
  const char* reg;
  const char* json;
};

constexpr DemoRecord
    kRecords[] =
        {
            {"programs",
             R"({"unit":"{C}","number":"09/CTr-BCA-MTTW","title":"Chương trình phối hợp giữa Bộ Công an và Ủy ban Trung ương MTTQ Việt Nam về phát huy sức mạnh của Nhân dân trong phong trào Toàn dân bảo vệ an ninh Tổ quốc","parties":["police","front"],"signed_on":"2023-06-05","period_from":"2023-06-05","period_to":"2028-06-05"})"},
            {"activities",
             R"({"unit":"{C}","type":"campaign_launch","date":"{P}-08-19","title":"Phát động Ngày hội Toàn dân bảo vệ an ninh Tổ quốc","organizers":["police","front"],"audience":["women_union","youth_union","farmers_union","veterans_union"],"topics":["crime","drugs"],"participants":520,"program_id":"{PROGRAM}"})"},
            {"activities",
             R"({"unit":"{V1}","type":"listening_conference","date":"{Y}-03-12","title":"Hội nghị Công an lắng nghe ý kiến Nhân dân thôn","organizers":["police"],"audience":["front"],"topics":["traffic","drugs"],"participants":85})"},
            {"activities",
             R"({"unit":"{V2}","type":"leaflet_distribution","date":"{Y}-04-20","title":"Phát tờ rơi phòng chống ma túy, bạo lực gia đình","organizers":["police","women_union"],"topics":["drugs","domestic_violence"],"participants":40,"quantity":3500})"},
            {"activities",
             R"({"unit":"{V3}","type":"training","date":"{Y}-05-08","title":"Tập huấn phòng cháy, chữa cháy cho hội viên phụ nữ","organizers":["police"],"audience":["women_union"],"topics":["fire"],"participants":60})"},
            {"activities",
             R"({"unit":"{C}","type":"propaganda","date":"{Y}-06-02","title":"Tuyên truyền phòng chống lừa đảo trên không gian mạng trên loa truyền thanh","organizers":["police","youth_union"],"topics":["cyber_fraud"],"participants":0,"quantity":12})"},
            {"activities",
             R"({"unit":"{V1}","type":"review","date":"{Y}-07-15","title":"Sơ kết 6 tháng phong trào Toàn dân bảo vệ an ninh Tổ quốc","organizers":["front","police"],"participants":70})"},
            {"opinions",
             R"({"unit":"{V1}","activity_id":"{ACTIVITY_CONF}","topic":"traffic","content":"Đề nghị lắp biển báo giảm tốc ở ngã ba trường học.","response":"Công an xã đã kiến nghị UBND xã lắp biển báo.","status":"answered","received_on":"{Y}-03-12"})"},
            {"opinions",
             R"({"unit":"{V1}","activity_id":"{ACTIVITY_CONF}","topic":"drugs","content":"Bãi đất trống cuối thôn thường có thanh niên tụ tập ban đêm.","status":"forwarded","received_on":"{Y}-03-12"})"},
            {"models",
             R"({"unit":"{V1}","name":"Camera an ninh kết nối Công an xã","kind":"model","field":"camera","started_on":"{P}-02-01","description":"Các hộ dân góp kinh phí lắp camera ở các tuyến đường chính"})"},
            {"models",
             R"({"unit":"{C}","name":"Tuyên truyền vận động nhân dân tham gia phòng chống tội phạm","kind":"thematic","field":"security_order","started_on":"{P}-01-10"})"},
            {"models",
             R"({"unit":"{V2}","name":"Tổ tự quản đường làng an toàn","kind":"model","field":"self_management","started_on":"{P}-05-01"})"},
            {"groups",
             R"({"unit":"{V1}","kind":"security_team","name":"Tổ bảo vệ an ninh, trật tự thôn","started_on":"2024-07-01","leader":"Trưởng tổ thôn","members_count":5})"},
            {"groups",
             R"({"unit":"{V2}","kind":"security_team","name":"Tổ bảo vệ an ninh, trật tự thôn","started_on":"2024-07-01","members_count":4})"},
            {"groups",
             R"({"unit":"{V1}","kind":"channel","name":"Zalo An ninh thôn","started_on":"{P}-03-01","platform":"zalo","members_count":214})"},
            {"groups",
             R"({"unit":"{V3}","kind":"self_managed","name":"Nhóm nhân dân tự quản về an toàn giao thông","started_on":"{P}-09-01","members_count":12})"},
            {"groups", R"({"unit":"{V2}","kind":"patrol_team","name":"Tổ tuần tra nhân dân","started_on":"{P}-01-15","members_count":8})"},
            {"patrols",
             R"({"unit":"{V2}","team_id":"{PATROL_TEAM}","started_at":"{Y}-06-14T20:00:00+07:00","ended_at":"{Y}-06-14T23:30:00+07:00","route":"Đường trục thôn, khu vực chợ","participants":6,"incidents":1,"notes":"Nhắc nhở nhóm thanh niên tụ tập gây mất trật tự"})"},
            {"patrols",
             R"({"unit":"{V2}","team_id":"{PATROL_TEAM}","started_at":"{Y}-07-05T20:00:00+07:00","ended_at":"{Y}-07-05T22:30:00+07:00","route":"Khu dân cư xóm dưới","participants":5})"},
            {"mediations",
             R"({"unit":"{V1}","received_on":"{Y}-02-20","dispute_type":"land","parties":[{"name":"Hộ mẫu Một","birth_year":1962},{"name":"Hộ mẫu Hai","birth_year":1970}],"outcome":"successful","mediators":"Tổ hòa giải thôn","content":"Tranh chấp lối đi chung","agreement":"Hai bên thống nhất chừa lối đi rộng 2 m","closed_on":"{Y}-03-01"})"},
            {"mediations",
             R"({"unit":"{V2}","received_on":"{Y}-04-11","dispute_type":"neighbours","parties":[{"name":"Người mẫu Ba"},{"name":"Người mẫu Bốn"}],"outcome":"unsuccessful","mediators":"Tổ hòa giải thôn","content":"Mâu thuẫn do chăn nuôi gây ô nhiễm","closed_on":"{Y}-04-30"})"},
            {"mediations",
             R"({"unit":"{V3}","received_on":"{Y}-06-03","dispute_type":"family","parties":[{"name":"Người mẫu Năm"},{"name":"Người mẫu Sáu"}],"outcome":"pending","mediators":"Tổ hòa giải thôn"})"},
            {"pledges",
             R"({"unit":"{V1}","pledger_kind":"household","pledger":"Các hộ gia đình thôn","content":"Không để người thân vi phạm pháp luật, tham gia tệ nạn xã hội","year":"{YN}","result":"pending"})"},
            {"pledges",
             R"({"unit":"{V3}","pledger_kind":"establishment","pledger":"Cơ sở kinh doanh karaoke","content":"Chấp hành quy định phòng cháy, chữa cháy và giờ hoạt động","year":"{YN}"})"},
            {"awards",
             R"({"unit":"{C}","form":"certificate_of_merit","issuer":"Chủ tịch UBND tỉnh","recipient_kind":"collective","recipient_name":"Công an xã","date":"{P}-08-19","reason":"Có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc","program_id":"{PROGRAM}"})"},
            {"awards",
             R"({"unit":"{V1}","form":"commendation","issuer":"Chủ tịch UBND xã","recipient_kind":"individual","recipient_name":"Trưởng thôn","date":"{P}-08-19"})"},
            {"reintegration/people",
             R"({"unit":"{V1}","category":"released_prisoner","name":"Lê Văn Thử","birth_year":1988,"id_number":"051088000123","address":"Xóm Trên","start_date":"{P}-03-15","helper_family":"Vợ","helper_organisation":"Hội Cựu chiến binh","helper_officer":"Công an viên phụ trách thôn","plan":"Giúp học nghề sửa xe máy, giới thiệu vay vốn ưu đãi","status":"active"})"},
            {"reintegration/people",
             R"({"unit":"{V2}","category":"post_rehab","name":"Trần Văn Mẫu","birth_year":1995,"start_date":"{P}-06-01","helper_organisation":"Đoàn Thanh niên","helper_officer":"Công an viên phụ trách thôn","status":"progressing","status_since":"{Y}-01-10"})"},
            {"reintegration/people",
             R"({"unit":"{V3}","category":"juvenile_offender","name":"Phạm Văn Thí","birth_year":2009,"start_date":"{Y}-02-20","helper_family":"Bố mẹ","helper_organisation":"Hội Phụ nữ","status":"active"})"},
            {"hotspots",
             R"({"unit":"{V2}","name":"Khu vực bãi đất trống cuối thôn","problem_types":["drugs","social_evils"],"designated_on":"{P}-04-10","decision":"Quyết định của Ban Chỉ đạo xã","plan":"Lắp đèn chiếu sáng, camera; tuần tra ban đêm; vận động gia đình có người nghiện","milestones":[{"title":"Lắp đèn chiếu sáng","due_on":"{P}-06-30","done_on":"{P}-06-20"},{"title":"Lắp camera kết nối Công an xã","due_on":"{Y}-03-31"}],"status":"transforming"})"},
            {"hotspots",
             R"({"unit":"{C}","name":"Tuyến đường ven sông","problem_types":["traffic","crime"],"designated_on":"{P}-01-15","plan":"Tuần tra, kiểm soát giờ cao điểm","status":"transformed","transformed_on":"{Y}-01-05"})"},
};

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) s.replace(pos, from.size(), to);
  return s;
}

}  // namespace

int seed_demo(db::Database& db, const crypto::Keyring& keys, const audit::AuditLog& audit) {
  const bool done =
      db.read_value([](db::Connection& c) { return !c.query("SELECT 1 FROM settings WHERE key = 'demo.movement'").rows.empty(); });
  if (done) return 0;
  std::map<std::string, std::unique_ptr<registers::RegisterService>> services;
  for (auto s : specs()) {
    const std::string name = s.name;
    services[name] = std::make_unique<registers::RegisterService>(std::move(s), db, keys, audit);
  }
  http::Principal demo;
  demo.username = "demo";
  demo.role = "admin";
  for (const auto& s : specs()) {
    demo.permissions.push_back(s.write_permission);
    demo.permissions.push_back(s.read_permission);
  }
  std::sort(demo.permissions.begin(), demo.permissions.end());
  demo.permissions.erase(std::unique(demo.permissions.begin(), demo.permissions.end()), demo.permissions.end());

  const std::string today = timeutil::today_vietnam();
  const int this_year = std::stoi(today.substr(0, 4));
  // Records dated this year but after today would be refused as future: use last year for those.
  int created = 0;
  for (const std::string commune : {"21220", "09574"}) {
    const bool exists = db.read_value([&](db::Connection& c) { return units::repo::find_active(c, commune).has_value(); });
    if (!exists) continue;
    std::map<std::string, std::string> ids;
    for (const auto& r : kRecords) {
      std::string json = r.json;
      json = replace_all(json, "{C}", commune);
      for (int v = 1; v <= 3; ++v) json = replace_all(json, "{V" + std::to_string(v) + "}", commune + "-00" + std::to_string(v));
      json = replace_all(json, "\"{YN}\"", std::to_string(this_year));
      json = replace_all(json, "{P}", std::to_string(this_year - 1));
      json = replace_all(json, "{Y}", std::to_string(this_year));
      for (const auto& [key, id] : ids) json = replace_all(json, "\"{" + key + "}\"", id);
      auto body = bj::parse(json).as_object();
      // A date later than today this year moves to last year.
      for (auto& kv : body) {
        if (!kv.value().is_string()) continue;
        std::string v(kv.value().as_string());
        if (v.size() >= 10 && v.substr(0, 4) == std::to_string(this_year) && v.substr(0, 10) > today) {
          kv.value() = std::to_string(this_year - 1) + v.substr(4);
        }
      }
      if (auto it = body.find("closed_on"); it != body.end() && body.at("received_on").as_string() > it->value().as_string()) {
        body.erase("closed_on");
      }
      const auto rec = services.at(r.reg)->create(demo, body, "seed-demo");
      ++created;
      const std::string reg = r.reg;
      if (reg == "programs") ids["PROGRAM"] = std::to_string(rec.id);
      if (reg == "activities" && body.at("type") == "listening_conference") ids["ACTIVITY_CONF"] = std::to_string(rec.id);
      if (reg == "groups" && body.at("kind") == "patrol_team") ids["PATROL_TEAM"] = std::to_string(rec.id);
      if (reg == "models" && body.at("field") == "camera") ids["CAMERA_MODEL"] = std::to_string(rec.id);
      if (reg == "reintegration/people") {
        // Home visits and education sessions: each one a lượt.
        db.write([&](db::Connection& c) {
          for (const char* kind : {"visit", "education", "support"}) {
            c.query(
                "INSERT INTO reintegration_sessions (person_id, date, kind, helpers, notes, created_by, created_at) "
                "VALUES ($1, $2, $3, NULL, $4, 'demo', $5)",
                rec.id, std::string(body.at("start_date").as_string()), std::string(kind),
                keys.seal("Gặp gỡ, động viên tại nhà", "reintegration_session.notes"), timeutil::now_utc());
          }
        });
      }
    }
    // The camera model was taken up by two more villages.
    db.write([&](db::Connection& c) {
      for (const char* v : {"-002", "-003"}) {
        auto u = units::repo::find_active(c, commune + v);
        if (!u) continue;
        c.query("INSERT INTO model_replications (model_id, unit_id, started_on, created_by, created_at) VALUES ($1, $2, $3, 'demo', $4)",
                std::stoll(ids.at("CAMERA_MODEL")), u->id, std::to_string(this_year - 1) + "-09-01", timeutil::now_utc());
      }
    });
  }
  db.write([](db::Connection& c) {
    c.query("INSERT INTO settings (key, value, updated_at) VALUES ('demo.movement', '1', $1)", timeutil::now_utc());
  });
  return created;
}

}  // namespace antq::movement
