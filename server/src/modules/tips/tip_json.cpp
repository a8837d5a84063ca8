#include "modules/tips/tip_json.hpp"

#include "core/time.hpp"

namespace antq::tips {

namespace bj = boost::json;

namespace {
bj::value opt(const std::optional<std::string>& v) { return v ? bj::value(*v) : bj::value(nullptr); }
bj::value opt(const std::optional<double>& v) { return v ? bj::value(*v) : bj::value(nullptr); }

bj::object unit_json(const TipRecord& t) {
  return bj::object{{"code", t.unit_code}, {"name", t.unit_name}, {"full_name", t.unit_full_name}};
}

// `for_reporter`: the label the reporter reads (a closed tip stays "Đã giải quyết" to them).
bj::value decision_json(const TipRecord& t, bool for_reporter) {
  if (!t.decided_at) return nullptr;
  return bj::object{{"status", t.status},
                    {"label", for_reporter ? public_status_label(t.status) : status_label(t.status)},
                    {"note", t.public_note},
                    {"at", *t.decided_at}};
}
}  // namespace

bj::object category_json(const Category& c) {
  return bj::object{{"code", c.code}, {"label", c.label}, {"label_en", c.label_en}, {"active", c.active}, {"national", !c.owner_path}};
}

bj::object submitted_json(const Submitted& s) {
  return bj::object{
      {"tracking_code", s.tip.tracking_code}, {"secret", s.secret}, {"received_at", s.tip.received_at}, {"unit", unit_json(s.tip)}};
}

bj::object public_message_json(const TipMessage& m) {
  return bj::object{{"id", std::to_string(m.id)}, {"at", m.at}, {"from", m.direction == "in" ? "reporter" : "police"}, {"body", m.body}};
}

bj::object public_attachment_json(const TipAttachment& a) {
  return bj::object{{"id", std::to_string(a.id)}, {"at", a.at},     {"kind", a.kind},
                    {"media_type", a.media_type}, {"size", a.size}, {"location_removed", a.location_removed}};
}

bj::object reporter_view_json(const ReporterView& v) {
  bj::array timeline, messages, attachments;
  for (const auto& e : v.timeline) {
    bj::object o{{"at", e.at}, {"kind", e.kind}};
    if (e.status) o["status"] = *e.status;
    if (e.kind == "extended") o["until"] = e.detail;  // the new deadline; the reason stays internal
    timeline.push_back(std::move(o));
  }
  for (const auto& m : v.messages) messages.push_back(public_message_json(m));
  for (const auto& a : v.attachments) attachments.push_back(public_attachment_json(a));
  const auto& t = v.tip;
  return bj::object{{"tracking_code", t.tracking_code},
                    {"status", t.status},
                    {"status_label", public_status_label(t.status)},
                    {"category", t.category},
                    {"unit", unit_json(t)},
                    {"received_at", t.received_at},
                    {"decision", decision_json(t, true)},
                    {"timeline", std::move(timeline)},
                    {"messages", std::move(messages)},
                    {"attachments", std::move(attachments)},
                    {"notify", v.notify},
                    {"notify_available", v.notify_available}};
}

bj::object assignee_json(const Assignee& a) {
  bj::value unit = nullptr;
  if (a.unit_code)
    unit = bj::object{{"code", *a.unit_code}, {"name", a.unit_name.value_or("")}, {"full_name", a.unit_full_name.value_or("")}};
  return bj::object{{"username", a.username}, {"display_name", a.display_name}, {"unit", std::move(unit)}};
}

bj::object list_item_json(const TipRecord& t, const std::string& now) {
  return bj::object{{"id", std::to_string(t.id)},
                    {"tracking_code", t.tracking_code},
                    {"unit", bj::object{{"code", t.unit_code}, {"name", t.unit_name}}},
                    {"category", t.category},
                    {"channel", t.channel},
                    {"status", t.status},
                    {"received_at", t.received_at},
                    {"excerpt", excerpt(t.description)},
                    {"assignee", opt(t.assignee)},
                    {"due_at", is_open(t.status) ? bj::value(current_due(t)) : bj::value(nullptr)},
                    {"overdue", is_overdue(t, now)},
                    {"anonymous", t.anonymous},
                    {"duplicates", t.suggestion_count},
                    {"held_for_review", t.held_for_review}};
}

bj::object staff_message_json(const TipMessage& m) {
  bj::object o = public_message_json(m);
  o["author"] = opt(m.author);
  return o;
}

bj::object staff_view_json(const StaffView& v, const std::string& now) {
  const auto& t = v.tip;
  bj::object o = list_item_json(t, now);
  o["unit"] = unit_json(t);
  o["description"] = t.description;
  o["place"] = t.place;
  o["lat"] = opt(t.lat);
  o["lng"] = opt(t.lng);
  o["occurred_at"] = opt(t.occurred_at);
  o["received_by"] = opt(t.received_by);
  o["status_reason"] = t.status_reason;
  o["reporter"] = bj::object{{"anonymous", t.anonymous}, {"provided", t.has_reporter}};
  if (t.outcome_valid) {
    o["outcome"] = bj::object{
        {"valid", *t.outcome_valid},        {"cases_solved", t.cases_solved},          {"suspects_arrested", t.suspects_arrested},
        {"wanted_caught", t.wanted_caught}, {"transferred_to", opt(t.transferred_to)}, {"decision", opt(t.decision)},
        {"public_note", t.public_note}};
  } else {
    o["outcome"] = nullptr;
  }
  o["decision"] = decision_json(t, false);
  bj::array extensions;
  for (const auto& e : v.extensions) extensions.push_back(bj::object{{"at", e.at}, {"until", e.detail}, {"reason", e.note}});
  o["deadlines"] = bj::object{{"settle_due_at", t.settle_due_at},         {"extensions", std::move(extensions)},
                              {"transfer_required", t.transfer_required}, {"pass_on_due_at", opt(t.pass_on_due_at)},
                              {"passed_on_at", opt(t.passed_on_at)},      {"passed_on_to", opt(t.passed_on_to)}};
  o["duplicate_of"] = v.duplicate_of
                          ? bj::value(bj::object{{"id", std::to_string(v.duplicate_of->first)}, {"tracking_code", v.duplicate_of->second}})
                          : bj::value(nullptr);
  bj::array merged;
  for (const auto& [m, msgs] : v.merged) {
    bj::array ms;
    for (const auto& x : msgs) ms.push_back(staff_message_json(x));
    merged.push_back(bj::object{{"id", std::to_string(m.id)}, {"tracking_code", m.tracking_code}, {"messages", std::move(ms)}});
  }
  o["merged"] = std::move(merged);
  bj::array suggestions;
  for (const auto& s : v.suggestions) {
    suggestions.push_back(bj::object{{"id", std::to_string(s.id)},
                                     {"tracking_code", s.tracking_code},
                                     {"score", s.score},
                                     {"excerpt", s.excerpt},
                                     {"received_at", s.received_at},
                                     {"status", s.status}});
  }
  o["suggestions"] = std::move(suggestions);
  bj::array timeline, messages, attachments;
  for (const auto& e : v.timeline) {
    bj::object ev{{"at", e.at}, {"kind", e.kind}, {"actor", opt(e.actor)}, {"public", e.is_public}};
    if (e.status) ev["status"] = *e.status;
    if (!e.note.empty()) ev["note"] = e.note;
    if (!e.detail.empty()) ev["detail"] = e.detail;
    timeline.push_back(std::move(ev));
  }
  for (const auto& m : v.messages) messages.push_back(staff_message_json(m));
  for (const auto& a : v.attachments) {
    bj::object ao = public_attachment_json(a);
    ao["uploaded_by"] = opt(a.uploaded_by);
    ao["sha256"] = a.sha256;
    attachments.push_back(std::move(ao));
  }
  o["timeline"] = std::move(timeline);
  o["messages"] = std::move(messages);
  o["attachments"] = std::move(attachments);
  return o;
}

std::string webhook_payload(const std::string& event, const TipRecord& t) {
  return bj::serialize(bj::object{{"event", event},
                                  {"tip_id", std::to_string(t.id)},
                                  {"tracking_code", t.tracking_code},
                                  {"unit", t.unit_code},
                                  {"category", t.category},
                                  {"status", t.status},
                                  {"at", timeutil::now_utc()}});
}

}  // namespace antq::tips
