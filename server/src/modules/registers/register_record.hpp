#pragma once
// A register record as the engine holds it, and what a list asks for.
#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace antq::registers {

struct Record {
  std::int64_t id = 0;
  std::string unit_code, unit_name, unit_path;
  boost::json::object values;  // field name → value (codes: array; sealed lists: array of objects)
  std::string created_by, created_at, updated_at;
};

struct ListQuery {
  std::optional<std::string> unit, from, to, q;
  std::vector<std::pair<std::string, std::string>> filters;  // filterable field → value
  std::vector<std::pair<std::string, std::string>> hashed;   // hashed sealed field → exact value
  int page = 1, per_page = 50;
};

}  // namespace antq::registers
