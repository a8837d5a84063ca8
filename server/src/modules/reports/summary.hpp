#pragma once
// The figures of a report as types: what GET /api/v1/reports/summary answers (docs/api/reports.md)
// and what an issued report stores, read once from JSON so that the document (narrative, tables,
// HTML, Word, XLSX, CSV) reads fields, not keys. Lists keep the catalogue's order (the order the
// summary was built in, and the order a stored report's JSON keeps).
#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace antq::reports {

// Members by catalogue code, in the catalogue's order.
template <class T>
using ByCode = std::vector<std::pair<std::string, T>>;

struct Counts {
  std::int64_t count = 0, participants = 0, quantity = 0;
};

struct ActivityFigures {
  Counts total;
  ByCode<Counts> by_organizer;
  ByCode<Counts> by_audience;  // no quantity
  ByCode<Counts> by_topic;
  Counts with_audience;  // no quantity: the activities that named an audience, each once
};

struct Membership {
  std::int64_t count = 0, members = 0;
};

struct GroupFigures {
  Membership total;
  ByCode<Membership> by_platform;
};

struct AwardFigures {
  std::int64_t collective = 0, individual = 0;
};

struct SummaryUnit {
  std::string code, name, full_name, kind;
};

struct Summary {
  std::optional<SummaryUnit> unit;  // none: the whole country
  std::string from, to;
  ByCode<ActivityFigures> activities;  // by activity type
  struct {
    std::int64_t received = 0, answered = 0;
  } opinions;
  struct {
    std::int64_t received = 0, valid = 0, cases_solved = 0, suspects_arrested = 0, wanted_caught = 0, overdue = 0;
  } tips;
  struct {
    std::int64_t total = 0, successful = 0, unsuccessful = 0, pending = 0;
  } mediations;
  struct {
    std::int64_t people = 0, sessions = 0, progressed = 0, reoffended = 0;
  } reintegration;
  ByCode<GroupFigures> groups;  // by group kind
  struct {
    std::int64_t count = 0, participants = 0, incidents = 0;
  } patrols;
  struct {
    std::int64_t count = 0, fields = 0, replicated_units = 0, model = 0, thematic = 0;  // model, thematic: by kind
    ByCode<std::int64_t> by_field;
  } models;
  struct {
    std::int64_t designated = 0, transformed = 0;
  } hotspots;
  struct {
    std::int64_t evaluated = 0, passed = 0;
  } evaluations;
  std::int64_t programs_active = 0;
  std::int64_t pledges = 0;
  ByCode<AwardFigures> awards;  // by award form
  struct {
    std::int64_t posts = 0, warnings = 0, views = 0, recipients = 0;
  } news;
};

// The table of child units a document carries (figures["children"]).
struct ChildTable {
  struct Item {
    std::string full_name;
    std::vector<std::int64_t> values;  // in the order of child_metrics()
  };
  std::vector<Item> items;
  std::vector<std::int64_t> total;
};

// What a document is rendered from: the summary, the same period a year earlier when compared,
// and the child units' table when the figures carry it.
struct ReportFigures {
  Summary summary;
  std::optional<Summary> previous;
  std::optional<ChildTable> children;
};

// The JSON of docs/api/reports.md, key for key and in the same order.
boost::json::object to_json(const Summary& s);
// Reads what to_json wrote, or a report stored before some figures existed: a figure that is
// missing or not an integer is 0, an entry that is not an object is skipped.
Summary summary_from_json(const boost::json::object& o);
ReportFigures report_figures_from_json(const boost::json::object& o);

}  // namespace antq::reports
