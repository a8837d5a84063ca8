#pragma once
// Files embedded in the binary at build time (see server/CMakeLists.txt): migrations, the unit
// lists and the OpenAPI document. Names are paths relative to the repository root.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace antq::resources {

struct Entry {
  const char* name;
  const char* data;
  std::size_t size;
};

extern const Entry kEntries[];
extern const std::size_t kEntryCount;

std::optional<std::string_view> find(std::string_view name);
// Every entry whose name starts with `prefix`, sorted by name.
std::vector<Entry> with_prefix(std::string_view prefix);

}  // namespace antq::resources
