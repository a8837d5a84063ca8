#pragma once
// Materialised paths of the unit tree ("/12/345/6789/"): a subtree is a range of paths.
#include <string>

namespace antq {

// Lower and upper bounds of a subtree in `path` order: path >= lo AND path < hi.
struct PathRange {
  std::string lo, hi;
};

// Paths end with '/', and '0' is the next character after '/': every descendant sorts in between.
// An empty path is the whole country: every path starts with '/'.
inline PathRange subtree_range(const std::string& path) {
  if (path.empty()) return {"/", "0"};
  std::string hi = path;
  hi.back() = '0';
  return {path, hi};
}

inline bool path_within(const std::string& scope_path, const std::string& path) {
  return scope_path.empty() || path.starts_with(scope_path);
}

}  // namespace antq
