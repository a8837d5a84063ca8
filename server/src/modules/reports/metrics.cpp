#include "modules/reports/metrics.hpp"

namespace antq::reports::metric {

namespace {

// "a.b.c": the parts of a name joined by dots.
std::string dotted(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto p : parts) {
    if (!out.empty()) out += '.';
    out += p;
  }
  return out;
}

}  // namespace

std::string starts(std::string_view m) { return std::string(m) + std::string(kStartSuffix); }
std::string ends(std::string_view m) { return std::string(m) + std::string(kEndSuffix); }

std::string activity(std::string_view type, std::string_view measure) { return dotted({"activities", type, measure}); }
std::string activity_by_organizer(std::string_view type, std::string_view force, std::string_view measure) {
  return dotted({"activities", type, "by_organizer", force, measure});
}
std::string activity_by_audience(std::string_view type, std::string_view force, std::string_view measure) {
  return dotted({"activities", type, "by_audience", force, measure});
}
std::string activity_by_topic(std::string_view type, std::string_view topic, std::string_view measure) {
  return dotted({"activities", type, "by_topic", topic, measure});
}
std::string activity_with_audience(std::string_view type, std::string_view measure) {
  return dotted({"activities", type, "with_audience", measure});
}
std::string activities_total(std::string_view measure) { return dotted({"activities", measure}); }
std::string all_activities(std::string_view measure) { return dotted({"activities_all", measure}); }
std::string organizer_activities(std::string_view force, std::string_view measure) {
  return dotted({"activity_organizers", force, measure});
}
std::string topic_activities(std::string_view topic, std::string_view measure) { return dotted({"activity_topics", topic, measure}); }

std::string tips_by_category(std::string_view category) { return dotted({"tips", "by_category", category, "received"}); }
std::string mediation_outcome(std::string_view outcome) { return dotted({"mediations", outcome}); }
std::string reintegration_session_kind(std::string_view kind) { return "reintegration.sessions_" + std::string(kind); }

std::string group(std::string_view kind, std::string_view measure) { return dotted({"groups", kind, measure}); }
std::string group_by_platform(std::string_view kind, std::string_view platform, std::string_view measure) {
  return dotted({"groups", kind, "by_platform", platform, measure});
}

std::string model_kind(std::string_view kind) { return dotted({"models", "by_kind", kind}); }
std::string model_field(std::string_view field) { return std::string(kModelFieldPrefix) + std::string(field); }

std::string award(std::string_view form, std::string_view recipient_kind) { return dotted({"awards", form, recipient_kind}); }

bool is_period(std::string_view path) {
  return path.starts_with("groups.") || path == kModelsCount || path.starts_with("models.by_kind.") ||
         path.starts_with(kModelFieldPrefix) || path == kProgramsActive || path == kPledgesCount || path == kReintegrationPeople ||
         path == kModelUnits;
}

const std::vector<std::string_view>& sections() {
  static const std::vector<std::string_view> list = {"activities", "opinions", "tips",   "mediations", "reintegration",
                                                     "groups",     "patrols",  "models", "hotspots",   "evaluations",
                                                     "programs",   "pledges",  "awards", "news"};
  return list;
}

}  // namespace antq::reports::metric
