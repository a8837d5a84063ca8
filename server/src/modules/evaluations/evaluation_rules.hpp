#pragma once
// The rules of Thông tư 124/2021/TT-BCA that decide an evaluation (DOMAIN-LAW.md §1), as pure
// functions: which kind of target a unit is, the evaluation window of a year, and the result from
// the answers. Kept apart from storage so every rule has a unit test.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace antq::evaluations {

// residential_area | commune | agency | enterprise | school; nullopt for units never evaluated
// (provinces, districts).
std::optional<std::string> target_kind(const std::string& unit_kind, const std::string& subkind);
std::string target_kind_label(const std::string& kind);  // "khu dân cư", "xã, phường"…

struct Window {
  std::string from, to;  // YYYY-MM-DD, inclusive
};
// Residential areas: 01/11 of the year before – 31/10; the others: 16/11 – 15/11 (Art 8).
Window window(const std::string& target_kind, int year);

// Days after the window's end within which the review meeting may still be held (dossiers are
// assembled in the weeks after the window closes).
inline constexpr int kGraceDays = 60;

struct Criterion {
  std::string code, text;
  bool confirmed = true;
  std::string auto_rule;  // "" (entered by people) or "subunits"
};

struct Answer {
  std::optional<bool> met;
  std::string evidence;
};

struct Registration {
  std::string registered_on;
  std::optional<std::int64_t> households_total, households_registered;
};

// Residential areas, agencies, enterprises and schools under a commune, for its criterion 4.
struct Subunits {
  std::int64_t total = 0, registered = 0, recognised = 0;
};

struct Rule {
  std::string code, label;
  bool met = false;
  std::string detail;
};

struct Outcome {
  int answered = 0, total = 0;           // criteria entered by people
  std::map<std::string, bool> auto_met;  // computed criteria
  std::vector<Rule> rules;               // conditions beside the criteria
  std::optional<std::string> result;     // passed | not_passed; nullopt while unanswered
};

// All criteria met and every rule holding → passed. Rules: the unit registered for the year; a
// residential area's households 100% registered; a commune's sub-units 100% registered and at
// least 70% recognised (its criterion marked auto "subunits").
Outcome decide(const std::string& target_kind, const std::vector<Criterion>& criteria, const std::map<std::string, Answer>& answers,
               const std::optional<Registration>& registration, const Subunits& subunits);

}  // namespace antq::evaluations
