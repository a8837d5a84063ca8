// The summary to and from JSON: the one place its keys are spelled (docs/api/reports.md).
#include "modules/reports/summary.hpp"

namespace antq::reports {

namespace bj = boost::json;

namespace {

// --- writing ------------------------------------------------------------------------------------

bj::object three(const Counts& c) { return bj::object{{"count", c.count}, {"participants", c.participants}, {"quantity", c.quantity}}; }
bj::object two(const Counts& c) { return bj::object{{"count", c.count}, {"participants", c.participants}}; }
bj::object membership(const Membership& m) { return bj::object{{"count", m.count}, {"members", m.members}}; }

template <class T, class F>
bj::object by_code(const ByCode<T>& list, F write) {
  bj::object o;
  for (const auto& [code, v] : list) o[code] = write(v);
  return o;
}

bj::object activity_json(const ActivityFigures& a) {
  return bj::object{{"count", a.total.count},
                    {"participants", a.total.participants},
                    {"quantity", a.total.quantity},
                    {"by_organizer", by_code(a.by_organizer, three)},
                    {"by_audience", by_code(a.by_audience, two)},
                    {"by_topic", by_code(a.by_topic, three)},
                    {"with_audience", two(a.with_audience)}};
}

bj::object group_json(const GroupFigures& g) {
  return bj::object{{"count", g.total.count}, {"members", g.total.members}, {"by_platform", by_code(g.by_platform, membership)}};
}

// --- reading ------------------------------------------------------------------------------------

const bj::object kEmpty;

const bj::object& object_at(const bj::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_object() ? it->value().as_object() : kEmpty;
}

std::int64_t int_at(const bj::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_int64() ? it->value().as_int64() : 0;
}

std::string string_at(const bj::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
}

// The members of `o[key]` that are objects, read by `read`, in their order.
template <class T, class F>
ByCode<T> read_by_code(const bj::object& o, std::string_view key, F read) {
  ByCode<T> out;
  for (const auto& kv : object_at(o, key))
    if (kv.value().is_object()) out.emplace_back(std::string(kv.key()), read(kv.value().as_object()));
  return out;
}

Counts counts_of(const bj::object& o) { return {int_at(o, "count"), int_at(o, "participants"), int_at(o, "quantity")}; }
Membership membership_of(const bj::object& o) { return {int_at(o, "count"), int_at(o, "members")}; }

ActivityFigures activity_of(const bj::object& o) {
  ActivityFigures a;
  a.total = counts_of(o);
  a.by_organizer = read_by_code<Counts>(o, "by_organizer", counts_of);
  a.by_audience = read_by_code<Counts>(o, "by_audience", counts_of);
  a.by_topic = read_by_code<Counts>(o, "by_topic", counts_of);
  a.with_audience = counts_of(object_at(o, "with_audience"));
  return a;
}

GroupFigures group_of(const bj::object& o) { return {membership_of(o), read_by_code<Membership>(o, "by_platform", membership_of)}; }

std::vector<std::int64_t> integers(const bj::object& o, std::string_view key) {
  std::vector<std::int64_t> out;
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_array()) return out;
  for (const auto& x : it->value().as_array()) out.push_back(x.is_int64() ? x.as_int64() : 0);
  return out;
}

}  // namespace

bj::object to_json(const Summary& s) {
  bj::value unit = nullptr;
  if (s.unit) unit = bj::object{{"code", s.unit->code}, {"name", s.unit->name}, {"full_name", s.unit->full_name}, {"kind", s.unit->kind}};
  const auto& m = s.models;
  return bj::object{
      {"unit", unit},
      {"from", s.from},
      {"to", s.to},
      {"activities", by_code(s.activities, activity_json)},
      {"opinions", bj::object{{"received", s.opinions.received}, {"answered", s.opinions.answered}}},
      {"tips", bj::object{{"received", s.tips.received},
                          {"valid", s.tips.valid},
                          {"cases_solved", s.tips.cases_solved},
                          {"suspects_arrested", s.tips.suspects_arrested},
                          {"wanted_caught", s.tips.wanted_caught},
                          {"overdue", s.tips.overdue}}},
      {"mediations", bj::object{{"total", s.mediations.total},
                                {"successful", s.mediations.successful},
                                {"unsuccessful", s.mediations.unsuccessful},
                                {"pending", s.mediations.pending}}},
      {"reintegration", bj::object{{"people", s.reintegration.people},
                                   {"sessions", s.reintegration.sessions},
                                   {"progressed", s.reintegration.progressed},
                                   {"reoffended", s.reintegration.reoffended}}},
      {"groups", by_code(s.groups, group_json)},
      {"patrols", bj::object{{"count", s.patrols.count}, {"participants", s.patrols.participants}, {"incidents", s.patrols.incidents}}},
      {"models", bj::object{{"count", m.count},
                            {"fields", m.fields},
                            {"replicated_units", m.replicated_units},
                            {"by_kind", bj::object{{"model", m.model}, {"thematic", m.thematic}}},
                            {"by_field", by_code(m.by_field, [](std::int64_t v) { return v; })}}},
      {"hotspots", bj::object{{"designated", s.hotspots.designated}, {"transformed", s.hotspots.transformed}}},
      {"evaluations", bj::object{{"evaluated", s.evaluations.evaluated}, {"passed", s.evaluations.passed}}},
      {"programs", bj::object{{"active", s.programs_active}}},
      {"pledges", bj::object{{"count", s.pledges}}},
      {"awards", by_code(s.awards,
                         [](const AwardFigures& a) {
                           return bj::object{{"collective", a.collective}, {"individual", a.individual}};
                         })},
      {"news",
       bj::object{{"posts", s.news.posts}, {"warnings", s.news.warnings}, {"views", s.news.views}, {"recipients", s.news.recipients}}},
  };
}

Summary summary_from_json(const bj::object& o) {
  Summary s;
  if (auto it = o.find("unit"); it != o.end() && it->value().is_object()) {
    const auto& u = it->value().as_object();
    s.unit = SummaryUnit{string_at(u, "code"), string_at(u, "name"), string_at(u, "full_name"), string_at(u, "kind")};
  }
  s.from = string_at(o, "from");
  s.to = string_at(o, "to");
  s.activities = read_by_code<ActivityFigures>(o, "activities", activity_of);
  const auto& op = object_at(o, "opinions");
  s.opinions = {int_at(op, "received"), int_at(op, "answered")};
  const auto& t = object_at(o, "tips");
  s.tips = {int_at(t, "received"),          int_at(t, "valid"),         int_at(t, "cases_solved"),
            int_at(t, "suspects_arrested"), int_at(t, "wanted_caught"), int_at(t, "overdue")};
  const auto& me = object_at(o, "mediations");
  s.mediations = {int_at(me, "total"), int_at(me, "successful"), int_at(me, "unsuccessful"), int_at(me, "pending")};
  const auto& r = object_at(o, "reintegration");
  s.reintegration = {int_at(r, "people"), int_at(r, "sessions"), int_at(r, "progressed"), int_at(r, "reoffended")};
  s.groups = read_by_code<GroupFigures>(o, "groups", group_of);
  const auto& p = object_at(o, "patrols");
  s.patrols = {int_at(p, "count"), int_at(p, "participants"), int_at(p, "incidents")};
  const auto& m = object_at(o, "models");
  const auto& kind = object_at(m, "by_kind");
  s.models.count = int_at(m, "count");
  s.models.fields = int_at(m, "fields");
  s.models.replicated_units = int_at(m, "replicated_units");
  s.models.model = int_at(kind, "model");
  s.models.thematic = int_at(kind, "thematic");
  for (const auto& kv : object_at(m, "by_field"))
    if (kv.value().is_int64()) s.models.by_field.emplace_back(std::string(kv.key()), kv.value().as_int64());
  const auto& h = object_at(o, "hotspots");
  s.hotspots = {int_at(h, "designated"), int_at(h, "transformed")};
  const auto& e = object_at(o, "evaluations");
  s.evaluations = {int_at(e, "evaluated"), int_at(e, "passed")};
  s.programs_active = int_at(object_at(o, "programs"), "active");
  s.pledges = int_at(object_at(o, "pledges"), "count");
  s.awards = read_by_code<AwardFigures>(o, "awards", [](const bj::object& a) {
    return AwardFigures{int_at(a, "collective"), int_at(a, "individual")};
  });
  // A report issued before news existed has no "news": zeros, as it said nothing of them.
  const auto& nw = object_at(o, "news");
  s.news = {int_at(nw, "posts"), int_at(nw, "warnings"), int_at(nw, "views"), int_at(nw, "recipients")};
  return s;
}

ReportFigures report_figures_from_json(const bj::object& o) {
  ReportFigures f{summary_from_json(o), std::nullopt, std::nullopt};
  if (auto it = o.find("previous"); it != o.end() && it->value().is_object()) f.previous = summary_from_json(it->value().as_object());
  const auto& children = object_at(o, "children");
  if (auto it = children.find("items"); it != children.end() && it->value().is_array()) {
    ChildTable t;
    for (const auto& item : it->value().as_array()) {
      if (!item.is_object()) continue;
      t.items.push_back({string_at(item.as_object(), "full_name"), integers(item.as_object(), "values")});
    }
    t.total = integers(children, "total");
    f.children = std::move(t);
  }
  return f;
}

}  // namespace antq::reports
