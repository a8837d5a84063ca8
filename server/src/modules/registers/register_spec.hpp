#pragma once
// A register of the movement's daily work (activities, models, groups, patrols, mediations,
// programs, pledges, awards, opinions) described as data: its table, fields, permissions and
// rules. One engine (RegisterService) validates, stores, lists, exports and audits every register
// the same way, so a rule fixed once is fixed everywhere; each register keeps its own tables and
// adds what is particular to it (replications, member lists) next to its spec.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "db/database.hpp"
#include "http/request.hpp"

namespace antq::modules {
class Host;
}

namespace antq::registers {

class RegisterService;

enum class FieldType {
  text,       // one line (max chars)
  long_text,  // several lines
  date,       // YYYY-MM-DD (a Vietnam calendar day)
  datetime,   // RFC 3339, stored UTC
  count,      // integer ≥ 0, default 0 (a number of people, lượt, leaflets…)
  year,       // 1990–2100
  boolean,
  code,         // one catalogue code of `catalog` kind
  codes,        // a list of catalogue codes of `catalog` kind (stored in <table>_codes)
  choice,       // one of `choices`
  reference,    // id of a record in `ref_table`, which must be inside the caller's area
  sealed_list,  // a list of objects with `item_fields`, sealed with the data key; names are personal data
  items         // a list of plain objects with `item_fields` (keys ending in "_on" are dates), e.g. milestones
};

struct Field {
  std::string name;
  FieldType type = FieldType::text;
  bool required = false;
  std::string label;  // Vietnamese column header for exports
  std::size_t max_chars = 500;
  std::string catalog;                     // code, codes
  std::vector<std::string> choices;        // choice
  std::vector<std::string> choice_labels;  // choice: Vietnamese labels, same order (exports)
  std::string default_choice;              // choice: when not sent
  std::string ref_table;                   // reference
  std::size_t min_items = 0;               // codes, sealed_list
  std::vector<std::string> item_fields;    // sealed_list: allowed keys (strings, "birth_year" as year)
  bool searchable = false;                 // included in the folded search text
  bool filterable = false;                 // ?<name>= exact filter on lists
  bool no_future = false;                  // date/datetime: not after today
  // text, long_text, year: stored sealed with the data key (a person's name, ID number, address).
  // Never searched, filtered, listed or exported; shown only where Spec::identity_visible allows.
  bool sealed = false;
  // sealed: also stored as a keyed hash of `normalize(value)` in <name>_hash, for exact search.
  bool hashed = false;
  std::string (*normalize)(std::string_view) = nullptr;
};

struct Spec {
  std::string name;    // URL segment: /api/v1/<name>
  std::string entity;  // audit entity, e.g. "activity"
  std::string title;   // Vietnamese register title (exports)
  std::string table;
  std::string read_permission = "movement.read";
  std::string write_permission;
  std::vector<Field> fields;
  std::string date_field;  // ?from=&to= and the list's order
  // Pairs (later, earlier): `later` must not be before `earlier` when both are set.
  std::vector<std::pair<std::string, std::string>> ordered;
  // Units a record may belong to: empty = any unit; e.g. {"village", "commune"}.
  std::vector<std::string> unit_kinds;
  bool attachments = false;  // photos and videos: /api/v1/<name>/{id}/attachments
  // Rules particular to the register, run in the write transaction after field validation
  // (e.g. one security team per village). `id` is 0 on create.
  std::function<void(db::Connection& c, const boost::json::object& values, const std::string& unit_kind, std::int64_t unit_id,
                     std::int64_t id)>
      check;

  // Records are also named by a pseudonymous reference "<ref_prefix>-000042" (people's registers).
  std::string ref_prefix;
  // Who sees sealed fields in a record's detail. Unset: those who may write the register.
  std::function<bool(db::Connection& c, const http::Principal& who, const std::string& unit_path)> identity_visible;
  // After a create (`before` null) or an update, in the same transaction: history kept by the
  // register (e.g. each status change with its date). `body` is what the caller sent.
  std::function<void(db::Connection& c, const http::Principal& who, std::int64_t id, const boost::json::object* before,
                     const boost::json::object& after, const boost::json::object& body)>
      after_write;
  // What the register adds beside the engine's routes (a model's replications, a group's member
  // list, the mediation book), installed once at start-up with the register's own service
  // (register_install.cpp). Unset: the engine's routes only.
  std::function<void(RegisterService& service, modules::Host& host)> extras;

  const Field* field(const std::string& name) const;
  bool has_sealed() const;
  // "HN-000042" (ref_prefix and the id); the id alone without a prefix.
  std::string reference(std::int64_t id) const;
  bool has_codes() const;
  std::string codes_table() const { return table + "_codes"; }
  // What a sealed field's value is sealed and keyed-hashed for: "<entity>.<field>".
  std::string sealed_purpose(const Field& f) const { return entity + "." + f.name; }
};

}  // namespace antq::registers
