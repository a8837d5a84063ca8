// The opening paragraphs of a report, in the style of the movement's own reviews (seed 003):
// "Kết quả …, quần chúng nhân dân trên địa bàn thị xã Sơn Tây đã phối hợp cảm hóa giáo dục tại
// nhà 3.421 lượt đối tượng, hòa giải 79 vụ …". Every clause is built from a figure that is not
// zero and from the catalogue labels of what was recorded (topics, forces, kinds); nothing is said
// that no record supports — no "hiệu quả", no "tích cực", no topic a record did not name.
#include <map>

#include "core/text.hpp"
#include "modules/reports/document_text.hpp"
#include "modules/reports/report_document.hpp"

namespace antq::reports {

using doc::join;
using doc::join_and;
using doc::label;
using doc::mid_sentence;

namespace {

std::string n(std::int64_t v) { return vn_number(v); }

// How an activity type is counted in a sentence: "3 lớp tập huấn", "trong đó 2 lớp về …".
struct TypeWords {
  std::string noun;     // after the number
  std::string measure;  // the counting word alone
};

TypeWords type_words(const std::string& type, const Labels& l) {
  static const std::map<std::string, TypeWords> known = {
      {"campaign_launch", {"đợt phát động phong trào", "đợt"}},
      {"propaganda", {"buổi tuyên truyền", "buổi"}},
      {"listening_conference", {"hội nghị “Công an lắng nghe ý kiến Nhân dân”", "hội nghị"}},
      {"training", {"lớp tập huấn", "lớp"}},
      {"leaflet_distribution", {"đợt phát tờ rơi", "đợt"}},
      {"festival", {"Ngày hội Toàn dân bảo vệ an ninh Tổ quốc", "ngày hội"}},
      {"signing", {"lễ ký kết giao ước thi đua", "lễ"}},
      {"review", {"hội nghị sơ kết, tổng kết", "hội nghị"}},
      {"other", {"hoạt động khác", "hoạt động"}},
  };
  auto it = known.find(type);
  if (it != known.end()) return it->second;
  return {"hoạt động “" + label(l, "activity_types", type) + "”", "hoạt động"};  // a type an administrator added
}

// Who the people of an audience are: "hội viên Hội Liên hiệp Phụ nữ", "đoàn viên Đoàn Thanh niên".
std::string members_of(const std::string& force, const Labels& l) {
  const std::string name = label(l, "forces", force);
  if (force == "women_union" || force == "farmers_union" || force == "veterans_union") return "hội viên " + name;
  if (force == "youth_union") return "đoàn viên " + name;
  if (force == "police" || force == "military" || force == "border_guard") return "cán bộ, chiến sĩ " + name;
  if (force == "front") return "cán bộ " + name;
  if (force == "other") return "người thuộc đối tượng khác";
  return "người thuộc " + name;
}

std::string topic_words(const std::string& topic, const Labels& l) {
  return topic == "other" ? "chủ đề khác" : mid_sentence(label(l, "topics", topic));
}

// The members whose count is not zero, in the catalogue's order (the order the summary was built in).
template <class T>
ByCode<T> nonzero(const ByCode<T>& list) {
  ByCode<T> out;
  for (const auto& member : list)
    if (member.second.count != 0) out.push_back(member);
  return out;
}

// One sentence per type of activity that took place.
std::string activity_sentence(const std::string& type, const ActivityFigures& a, const Labels& l) {
  const std::int64_t count = a.total.count, people = a.total.participants, quantity = a.total.quantity;
  const TypeWords w = type_words(type, l);
  std::vector<std::string> orgs;
  for (const auto& [code, c] : nonzero(a.by_organizer)) orgs.push_back(label(l, "forces", code));
  // Topics named by every activity of the type, and those named by some of them.
  std::vector<std::string> all_topics, some_topics;
  for (const auto& [code, c] : nonzero(a.by_topic)) {
    const std::int64_t k = c.count;
    if (k == count) all_topics.push_back(topic_words(code, l));
    else some_topics.push_back(topic_words(code, l) + " (" + n(k) + " " + w.measure + ")");
  }
  std::string s = orgs.empty() ? "Tổ chức " : join_and(orgs) + " tổ chức ";
  if (type == "leaflet_distribution" && quantity > 0) {
    s = (orgs.empty() ? "Phát " : join_and(orgs) + " phát ") + n(quantity) + " tờ rơi tuyên truyền";
    if (!all_topics.empty()) s += " về " + join_and(all_topics);
    s += " trong " + n(count) + " đợt";
  } else {
    s += n(count) + " " + w.noun;
    if (!all_topics.empty()) s += " về " + join_and(all_topics);
  }
  // Participants, split by audience only where the split is exact: no activity of the type named
  // two audiences (their lượt would be counted under both).
  const auto audiences = nonzero(a.by_audience);
  const std::int64_t with_audience = a.with_audience.participants;
  std::int64_t split = 0;
  for (const auto& [code, c] : audiences) split += c.participants;
  if (!audiences.empty() && split == with_audience && with_audience > 0) {
    std::vector<std::string> who;
    for (const auto& [code, c] : audiences)
      if (auto p = c.participants) who.push_back(n(p) + " lượt " + members_of(code, l));
    s += " cho " + join_and(who);
    if (people > with_audience) s += " (tổng cộng " + n(people) + " lượt người tham gia)";
  } else if (!audiences.empty()) {
    std::vector<std::string> who;
    for (const auto& [code, c] : audiences) who.push_back(members_of(code, l));
    if (people > 0) s += " với " + n(people) + " lượt người tham gia";
    s += " (đối tượng: " + join_and(who) + ")";
  } else if (people > 0) {
    s += " với " + n(people) + " lượt người tham gia";
  }
  if (quantity > 0 && type != "leaflet_distribution") s += ", phát " + n(quantity) + " tờ rơi, tài liệu";
  // Topics named by some of the activities only, each with how many named it: "chủ đề: ma túy
  // (6 buổi), phòng cháy, chữa cháy (4 buổi)" (the counts keep labels with commas apart).
  if (!some_topics.empty())
    s += std::string(all_topics.empty() ? "; chủ đề: " : "; một số " + w.measure + " còn về: ") + join(some_topics, ", ");
  return s + ".";
}

std::string groups_sentence(const ByCode<GroupFigures>& groups, const Labels& l) {
  std::vector<std::string> parts;
  auto with_members = [](std::string what, std::int64_t members) {
    return members > 0 ? what + " với " + n(members) + " thành viên" : what;
  };
  for (const auto& [kind, g] : groups) {
    const std::int64_t count = g.total.count, members = g.total.members;
    if (count == 0) continue;
    if (kind == "channel") {
      // Chat-app groups by platform: "1 nhóm Zalo với 214 thành viên".
      std::int64_t named = 0, named_members = 0;
      for (const auto& [p, x] : nonzero(g.by_platform)) {
        const std::int64_t k = x.count, m = x.members;
        named += k;
        named_members += m;
        parts.push_back(with_members(n(k) + (p == "other" ? " nhóm kết nối trên nền tảng khác" : " nhóm " + label(l, "platforms", p)), m));
      }
      if (count > named) parts.push_back(with_members(n(count - named) + " nhóm kết nối trực tuyến", members - named_members));
      continue;
    }
    std::string what;
    if (kind == "self_managed") what = "tổ, nhóm nhân dân tự quản";
    else if (kind == "patrol_team") what = "tổ tuần tra";
    else if (kind == "security_team") what = "Tổ bảo vệ an ninh, trật tự ở cơ sở";
    else what = mid_sentence(label(l, "group_kinds", kind));
    parts.push_back(with_members(n(count) + " " + what, members));
  }
  return parts.empty() ? "" : "Duy trì hoạt động của " + join(parts, ", ") + ".";
}

// News to residents. Only what the records say: how many posts, how many of them warnings (not
// what they warned of: a warning may be of a flood as well as of a crime), views, messages sent.
std::string news_sentence(const Summary& f) {
  if (f.news.posts == 0 && f.news.recipients == 0) return {};
  std::string s;
  if (auto v = f.news.posts) {
    s = "Đăng " + n(v) + " tin bài cho người dân trên cổng thông tin ANTQ";
    if (auto k = f.news.warnings) s += ", trong đó " + n(k) + " tin cảnh báo";
    if (auto k = f.news.views) s += "; các tin được xem " + n(k) + " lượt";
  }
  if (auto k = f.news.recipients)
    s += std::string(s.empty() ? "Gửi " : "; gửi ") + n(k) + " thư tin tức, cảnh báo tới người dân đăng ký nhận tin";
  return s + ".";
}

std::string awards_sentence(const ByCode<AwardFigures>& awards, const Labels& l) {
  std::vector<std::string> parts;
  for (const auto& [form, a] : awards) {
    std::vector<std::string> who;
    if (auto c = a.collective) who.push_back(n(c) + " tập thể");
    if (auto i = a.individual) who.push_back(n(i) + " cá nhân");
    if (who.empty()) continue;
    parts.push_back(join_and(who) +
                    (form == "other" ? " được khen thưởng bằng hình thức khác" : " được tặng " + label(l, "award_forms", form)));
  }
  return parts.empty() ? "" : "Về khen thưởng, " + join(parts, "; ") + ".";
}

}  // namespace

std::vector<std::string> narrative(const Summary& f, const Labels& l) {
  std::string place = "trên địa bàn";
  if (f.unit) place += " " + text::lower_initial(f.unit->full_name);
  else place += " cả nước";
  const std::string from = doc::vn_date(f.from), to = doc::vn_date(f.to);
  std::vector<std::string> paragraphs;

  // 1. What the people did: community education, mediation, tips and what they led to.
  std::vector<std::string> people, first;
  if (auto v = f.reintegration.sessions) people.push_back("cảm hóa giáo dục tại nhà " + n(v) + " lượt đối tượng");
  if (auto v = f.mediations.total) {
    std::vector<std::string> outcome;
    if (auto k = f.mediations.successful) outcome.push_back("thành " + n(k) + " vụ");
    if (auto k = f.mediations.unsuccessful) outcome.push_back("không thành " + n(k) + " vụ");
    if (auto k = f.mediations.pending) outcome.push_back("đang hòa giải " + n(k) + " vụ");
    people.push_back("hòa giải " + n(v) + " vụ mâu thuẫn, tranh chấp trong nội bộ nhân dân" +
                     (outcome.empty() ? "" : " (" + join(outcome, ", ") + ")"));
  }
  if (!people.empty()) first.push_back("phối hợp " + join(people, ", "));
  if (auto v = f.tips.received) {
    std::string t = "cung cấp cho cơ quan chức năng " + n(v) + " tin liên quan đến an ninh, trật tự";
    if (auto k = f.tips.valid) t += ", trong đó " + n(k) + " tin có giá trị";
    std::vector<std::string> led;
    if (auto k = f.tips.cases_solved) led.push_back("khám phá " + n(k) + " vụ án");
    if (auto k = f.tips.suspects_arrested) led.push_back("bắt giữ " + n(k) + " đối tượng");
    if (auto k = f.tips.wanted_caught) led.push_back("bắt " + n(k) + " đối tượng truy nã");
    if (!led.empty()) t += ", giúp " + join(led, ", ");
    first.push_back(t);
  }
  if (auto v = f.reintegration.progressed) first.push_back("giúp đỡ " + n(v) + " người tiến bộ");
  std::string p1;
  if (!first.empty())
    p1 = "Kết quả từ ngày " + from + " đến ngày " + to + ", quần chúng nhân dân " + place + " đã " + join(first, "; ") + ".";
  std::vector<std::string> helped;
  if (auto v = f.reintegration.people) helped.push_back(n(v) + " người được cảm hóa, giáo dục, giúp đỡ");
  if (auto v = f.reintegration.reoffended) helped.push_back(n(v) + " người tái phạm");
  if (!helped.empty()) p1 += std::string(p1.empty() ? "" : " ") + "Trong kỳ có " + join(helped, "; ") + ".";
  if (!p1.empty()) paragraphs.push_back(p1);

  // 2. Movement activities, a paragraph per type, with their organisers, topics and audiences;
  // the people's opinions.
  std::vector<std::string> acts;
  for (const auto& [type, a] : f.activities)
    if (a.total.count > 0) acts.push_back(activity_sentence(type, a, l));
  if (auto v = f.opinions.received) {
    std::string o = "Tiếp nhận " + n(v) + " ý kiến của Nhân dân";
    if (auto k = f.opinions.answered) o += ", đã trả lời " + n(k) + " ý kiến";
    acts.push_back(o + ".");
  }
  if (auto v = news_sentence(f); !v.empty()) acts.push_back(v);
  for (auto& a : acts) paragraphs.push_back(std::move(a));

  // 3. Groups and patrols.
  std::vector<std::string> kept;
  if (auto g = groups_sentence(f.groups, l); !g.empty()) kept.push_back(g);
  if (auto v = f.patrols.count) {
    std::string p = "Tổ chức " + n(v) + " lượt tuần tra";
    if (auto k = f.patrols.participants) p += " với " + n(k) + " lượt người tham gia";
    if (auto k = f.patrols.incidents) p += ", phát hiện " + n(k) + " vụ việc";
    kept.push_back(p + ".");
  }
  if (!kept.empty()) paragraphs.push_back(join(kept, " "));

  // 4. Models and thematic programs, hotspots, the "safe" evaluations.
  std::vector<std::string> built;
  std::vector<std::string> models;
  if (auto v = f.models.thematic) models.push_back(n(v) + " chuyên đề");
  if (auto v = f.models.model) models.push_back(n(v) + " mô hình");
  if (!models.empty()) {
    std::string m = "Triển khai thực hiện " + join(models, ", ") + " về xây dựng phong trào Toàn dân bảo vệ an ninh Tổ quốc";
    std::vector<std::string> fields;
    for (const auto& [field, v] : f.models.by_field)
      if (v > 0) fields.push_back(mid_sentence(label(l, "model_fields", field)));
    if (!fields.empty()) m += " thuộc " + std::string(fields.size() > 1 ? "các lĩnh vực: " : "lĩnh vực ") + join_and(fields);
    if (auto k = f.models.replicated_units) m += ", hoạt động tại " + n(k) + " đơn vị, địa bàn";
    built.push_back(m + ".");
  }
  const std::int64_t designated = f.hotspots.designated, transformed = f.hotspots.transformed;
  if (designated > 0) {
    built.push_back("Xác định " + n(designated) + " địa bàn trọng điểm, phức tạp về an ninh, trật tự" +
                    (transformed > 0 ? "; chuyển hóa " + n(transformed) + " địa bàn" : "") + ".");
  } else if (transformed > 0) {
    built.push_back("Chuyển hóa " + n(transformed) + " địa bàn trọng điểm, phức tạp về an ninh, trật tự.");
  }
  if (auto v = f.evaluations.evaluated) {
    std::string e = "Xét công nhận " + n(v) + " đơn vị theo tiêu chuẩn “An toàn về an ninh, trật tự”";
    if (auto k = f.evaluations.passed) e += ", trong đó " + n(k) + " đơn vị được công nhận đạt tiêu chuẩn";
    built.push_back(e + ".");
  }
  if (!built.empty()) paragraphs.push_back(join(built, " "));

  // 5. Coordination programs, pledges, awards.
  std::vector<std::string> joint;
  if (auto v = f.programs_active) joint.push_back("Thực hiện " + n(v) + " chương trình phối hợp, nghị quyết liên tịch.");
  if (auto v = f.pledges) joint.push_back("Duy trì " + n(v) + " bản cam kết, giao ước thi đua.");
  if (auto a = awards_sentence(f.awards, l); !a.empty()) joint.push_back(a);
  if (!joint.empty()) paragraphs.push_back(join(joint, " "));

  if (paragraphs.empty()) {
    return {"Từ ngày " + from + " đến ngày " + to + ", " + place + " chưa ghi nhận kết quả nào trong các sổ theo dõi phong trào."};
  }
  if (p1.empty())
    paragraphs.front() =
        "Kết quả thực hiện phong trào " + place + " từ ngày " + from + " đến ngày " + to + " như sau. " + paragraphs.front();
  return paragraphs;
}

}  // namespace antq::reports
