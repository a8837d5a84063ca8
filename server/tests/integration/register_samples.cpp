#include "integration/register_samples.hpp"

namespace antq::test {

const std::vector<RegisterSample>& movement_samples() {
  static const std::vector<RegisterSample> s{
      {"activities",
       R"({"unit":"21220-001","type":"campaign_launch","date":"2026-08-19","title":"Ngày hội Toàn dân bảo vệ an ninh Tổ quốc thôn Trường Thọ","organizers":["police","front"],"audience":["women_union"],"topics":["drugs","traffic"],"participants":350})",
       "participants", "date", "type", "front_officer"},
      {"opinions",
       R"({"unit":"21220-001","topic":"drugs","content":"Đề nghị tăng cường tuần tra khu vực bãi đất trống cuối thôn.","received_on":"2026-10-02"})",
       "", "received_on", "topic", "police_officer"},
      {"models",
       R"({"unit":"21220-001","name":"Camera an ninh kết nối Công an xã","kind":"model","field":"camera","started_on":"2025-03-01"})", "",
       "started_on", "field", "front_officer"},
      {"groups",
       R"({"unit":"21220-001","kind":"channel","name":"Zalo An ninh thôn Trường Thọ","started_on":"2024-05-01","platform":"zalo","members_count":212})",
       "members_count", "started_on", "kind", "village_officer"},
      {"patrols",
       R"({"unit":"21220-001","started_at":"2026-11-01T20:00:00+07:00","ended_at":"2026-11-01T23:00:00+07:00","route":"Đường trục thôn","participants":6,"incidents":1})",
       "participants", "started_at", "", "village_officer"},
      {"mediations",
       R"({"unit":"21220-001","received_on":"2026-09-10","dispute_type":"land","parties":[{"name":"Phạm Văn Ranh","birth_year":1968},{"name":"Lê Thị Giới"}],"outcome":"successful","mediators":"Tổ hòa giải thôn"})",
       "", "received_on", "dispute_type", "village_officer"},
      {"programs",
       R"({"unit":"21220","number":"09/CTr-BCA-MTTW","title":"Chương trình phối hợp xây dựng phong trào","parties":["police","front"],"signed_on":"2023-06-01","period_from":"2023-06-01","period_to":"2028-06-01"})",
       "", "signed_on", "", "front_officer"},
      {"pledges",
       R"({"unit":"21220-001","pledger_kind":"household","pledger":"Hộ ông Nguyễn Văn Cam","content":"Không vi phạm pháp luật, không tàng trữ ma túy","year":2026})",
       "", "", "", "front_officer"},
      {"awards",
       R"({"unit":"21220","form":"certificate_of_merit","issuer":"Chủ tịch UBND tỉnh","recipient_kind":"collective","recipient_name":"Công an xã Sơn Tịnh","date":"2026-08-19"})",
       "", "date", "form", "front_officer"},
  };
  return s;
}

const std::vector<RegisterSample>& all_register_samples() {
  static const std::vector<RegisterSample> s = [] {
    auto all = movement_samples();
    all.push_back(
        {"reintegration/people",
         R"({"unit":"21220-001","category":"released_prisoner","name":"Hoàng Văn Thử","birth_year":1990,"id_number":"036099001234","address":"Số 7 ngõ Vắng","start_date":"2025-03-01","helper_family":"Chị gái","helper_organisation":"Hội Cựu chiến binh xã","plan":"Học nghề"})",
         "", "start_date", "", "police_officer"});
    all.push_back(
        {"hotspots",
         R"({"unit":"21220-002","name":"Khu vực bãi sông thôn Phú Thọ","problem_types":["drugs","social_evils"],"designated_on":"2025-04-10","plan":"Lắp đèn, camera","milestones":[{"title":"Lắp đèn chiếu sáng","due_on":"2025-06-30"}]})",
         "", "designated_on", "", "police_officer"});
    return all;
  }();
  return s;
}

}  // namespace antq::test
