#pragma once
// Terse, readable field declarations for register specs.
#include "modules/registers/register_spec.hpp"

namespace antq::registers::f {

inline Field text(std::string name, std::string label, bool required = false, std::size_t max = 300) {
  Field x{std::move(name), FieldType::text, required, std::move(label)};
  x.max_chars = max;
  x.searchable = true;
  return x;
}
inline Field long_text(std::string name, std::string label, bool required = false) {
  Field x{std::move(name), FieldType::long_text, required, std::move(label)};
  x.max_chars = 5000;
  x.searchable = true;
  return x;
}
inline Field date(std::string name, std::string label, bool required = false, bool no_future = false) {
  Field x{std::move(name), FieldType::date, required, std::move(label)};
  x.no_future = no_future;
  return x;
}
inline Field datetime(std::string name, std::string label, bool required = false, bool no_future = false) {
  Field x{std::move(name), FieldType::datetime, required, std::move(label)};
  x.no_future = no_future;
  return x;
}
inline Field count(std::string name, std::string label) { return Field{std::move(name), FieldType::count, false, std::move(label)}; }
inline Field year(std::string name, std::string label, bool required = false) {
  return Field{std::move(name), FieldType::year, required, std::move(label)};
}
inline Field code(std::string name, std::string label, std::string catalog, bool required = false) {
  Field x{std::move(name), FieldType::code, required, std::move(label)};
  x.catalog = std::move(catalog);
  x.filterable = true;
  return x;
}
inline Field codes(std::string name, std::string label, std::string catalog, std::size_t min_items = 0) {
  Field x{std::move(name), FieldType::codes, min_items > 0, std::move(label)};
  x.catalog = std::move(catalog);
  x.min_items = min_items;
  x.filterable = true;
  return x;
}
// `choices`: (code, Vietnamese label) pairs.
inline Field choice(std::string name, std::string label, std::vector<std::pair<std::string, std::string>> choices, bool required = false,
                    std::string default_choice = {}) {
  Field x{std::move(name), FieldType::choice, required, std::move(label)};
  for (auto& [code, text] : choices) {
    x.choices.push_back(code);
    x.choice_labels.push_back(text);
  }
  x.default_choice = std::move(default_choice);
  x.filterable = true;
  return x;
}
inline Field reference(std::string name, std::string label, std::string table) {
  Field x{std::move(name), FieldType::reference, false, std::move(label)};
  x.ref_table = std::move(table);
  x.filterable = true;  // e.g. the activities of a program: ?program_id=
  return x;
}
inline Field people(std::string name, std::string label, std::size_t min_items) {
  Field x{std::move(name), FieldType::sealed_list, min_items > 0, std::move(label)};
  x.min_items = min_items;
  x.item_fields = {"name", "birth_year", "address"};
  return x;
}

// A sealed personal field (text, or year with `year`): see Field::sealed.
inline Field sealed(Field x, bool hashed = false, std::string (*normalize)(std::string_view) = nullptr) {
  x.sealed = true;
  x.searchable = false;
  x.filterable = false;
  x.hashed = hashed;
  x.normalize = normalize;
  return x;
}
// A list of plain objects, e.g. a plan's milestones {"title","due_on","done_on"}.
inline Field items(std::string name, std::string label, std::vector<std::string> item_fields) {
  Field x{std::move(name), FieldType::items, false, std::move(label)};
  x.item_fields = std::move(item_fields);
  return x;
}

}  // namespace antq::registers::f
