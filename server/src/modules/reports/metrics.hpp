#pragma once
// The names of the reports' metrics: the one place they are spelled (decision 0007). sources.cpp
// emits events under them, rollups.cpp keeps their sums (interned in rollup_metrics), figures.cpp
// reads them back into the summary, reports_service.cpp checks and splits them for the time series
// and the breakdowns, and the document's table of child units lists some of them.
//
// A name is stored: rollup_metrics and rollup_buckets hold it. Renaming one reads as zero until
// the folder derives every bucket again (a migration inserting ('rebuild', 'all') into
// rollup_dirty_keys, as 0020 did). A new name needs nothing of the kind for new records, but the
// records already written count only after such a rebuild.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace antq::reports::metric {

// What an event metric counts, as the last part of its name ("….count"). A string, not an enum:
// a time series may ask for any measure of a family, and one the sources do not emit reads as zero.
namespace measure {
inline constexpr std::string_view count = "count";
inline constexpr std::string_view participants = "participants";
inline constexpr std::string_view quantity = "quantity";
inline constexpr std::string_view members = "members";
}  // namespace measure

// A period metric (something active from a start day to an end day) is stored as two event
// metrics: its start "<m>@s" and its end "<m>@e".
inline constexpr std::string_view kStartSuffix = "@s";
inline constexpr std::string_view kEndSuffix = "@e";
std::string starts(std::string_view m);
std::string ends(std::string_view m);

// --- activities (register "activities", its codes in activities_codes) ---------------------------
std::string activity(std::string_view type, std::string_view measure);                                       // activities.<type>.<measure>
std::string activity_by_organizer(std::string_view type, std::string_view force, std::string_view measure);  // ….by_organizer.<force>.…
std::string activity_by_audience(std::string_view type, std::string_view force, std::string_view measure);   // ….by_audience.<force>.…
std::string activity_by_topic(std::string_view type, std::string_view topic, std::string_view measure);      // ….by_topic.<topic>.…
// The activities of the type that name an audience, each counted once (decision 0012).
std::string activity_with_audience(std::string_view type, std::string_view measure);
// Every type together, by organiser, by topic (the dashboard's time series and breakdowns).
std::string all_activities(std::string_view measure);                                // activities_all.<measure>
std::string organizer_activities(std::string_view force, std::string_view measure);  // activity_organizers.<force>.<measure>
std::string topic_activities(std::string_view topic, std::string_view measure);      // activity_topics.<topic>.<measure>
// The figure path of every type together ("activities.count"), read as all_activities(measure).
std::string activities_total(std::string_view measure);

// --- opinions -----------------------------------------------------------------------------------
inline constexpr const char* kOpinionsReceived = "opinions.received";
inline constexpr const char* kOpinionsAnswered = "opinions.answered";

// --- tips ---------------------------------------------------------------------------------------
inline constexpr const char* kTipsReceived = "tips.received";
inline constexpr const char* kTipsValid = "tips.valid";
inline constexpr const char* kTipsCasesSolved = "tips.cases_solved";
inline constexpr const char* kTipsSuspectsArrested = "tips.suspects_arrested";
inline constexpr const char* kTipsWantedCaught = "tips.wanted_caught";
// Not an event: open tips past their deadline today, counted live (figures.cpp).
inline constexpr const char* kTipsOverdue = "tips.overdue";
std::string tips_by_category(std::string_view category);  // tips.by_category.<category>.received

// --- mediations ---------------------------------------------------------------------------------
inline constexpr const char* kMediationsTotal = "mediations.total";
// successful | unsuccessful | pending (the register's outcome).
std::string mediation_outcome(std::string_view outcome);  // mediations.<outcome>

// --- reintegration (people helped, their status changes and sessions) ----------------------------
inline constexpr const char* kReintegrationPeople = "reintegration.people";  // period
inline constexpr const char* kReintegrationSessions = "reintegration.sessions";
std::string reintegration_session_kind(std::string_view kind);  // reintegration.sessions_<kind>
// Distinct people: events minus the gaps between one person's consecutive events (rollup_gaps).
inline constexpr const char* kProgressed = "reintegration.progressed";
inline constexpr const char* kReoffended = "reintegration.reoffended";

// --- groups (period) ----------------------------------------------------------------------------
std::string group(std::string_view kind, std::string_view measure);                                         // groups.<kind>.<count|members>
std::string group_by_platform(std::string_view kind, std::string_view platform, std::string_view measure);  // ….by_platform.<platform>.…

// --- patrols ------------------------------------------------------------------------------------
inline constexpr const char* kPatrolsCount = "patrols.count";
inline constexpr const char* kPatrolsParticipants = "patrols.participants";
inline constexpr const char* kPatrolsIncidents = "patrols.incidents";

// --- models (period) ----------------------------------------------------------------------------
inline constexpr const char* kModelsCount = "models.count";
std::string model_kind(std::string_view kind);  // models.by_kind.<model|thematic>
inline constexpr std::string_view kModelFieldPrefix = "models.field.";
std::string model_field(std::string_view field);  // models.field.<field>
// Units where a model runs: merged periods per unit (rollup_coverage) and the gaps between them.
inline constexpr const char* kModelUnits = "models.units";
// Derived at read time, not stored: fields with a model active, units with a model active.
inline constexpr const char* kModelsFields = "models.fields";
inline constexpr const char* kModelsReplicatedUnits = "models.replicated_units";

// --- hotspots, evaluations, programs, pledges, awards --------------------------------------------
inline constexpr const char* kHotspotsDesignated = "hotspots.designated";
inline constexpr const char* kHotspotsTransformed = "hotspots.transformed";
inline constexpr const char* kEvaluationsEvaluated = "evaluations.evaluated";
inline constexpr const char* kEvaluationsPassed = "evaluations.passed";
inline constexpr const char* kProgramsActive = "programs.active";           // period
inline constexpr const char* kPledgesCount = "pledges.count";               // period (its calendar year)
std::string award(std::string_view form, std::string_view recipient_kind);  // awards.<form>.<collective|individual>

// --- news to residents (modules/news) ------------------------------------------------------------
inline constexpr const char* kNewsPosts = "news.posts";            // published (not withdrawn), on the day of publishing
inline constexpr const char* kNewsWarnings = "news.warnings";      // of which warnings
inline constexpr const char* kNewsViews = "news.views";            // one device, one post, one day
inline constexpr const char* kNewsRecipients = "news.recipients";  // messages sent to subscribers, on the day sent

// --- what a path is -----------------------------------------------------------------------------
// Counts what is active at any time in the period (Σ starts to `to` − Σ ends before `from`).
bool is_period(std::string_view path);
// The first part of every figure's path ("tips" of "tips.received"): what a time series or a
// breakdown may ask for.
const std::vector<std::string_view>& sections();

}  // namespace antq::reports::metric
