#include "core/resources.hpp"

#include <algorithm>

namespace antq::resources {

std::optional<std::string_view> find(std::string_view name) {
  for (std::size_t i = 0; i < kEntryCount; ++i) {
    if (name == kEntries[i].name) return std::string_view(kEntries[i].data, kEntries[i].size);
  }
  return std::nullopt;
}

std::vector<Entry> with_prefix(std::string_view prefix) {
  std::vector<Entry> out;
  for (std::size_t i = 0; i < kEntryCount; ++i) {
    if (std::string_view(kEntries[i].name).starts_with(prefix)) out.push_back(kEntries[i]);
  }
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return std::string_view(a.name) < b.name; });
  return out;
}

}  // namespace antq::resources
