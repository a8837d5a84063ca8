#pragma once
// A news post as stored (news_repository.cpp reads and writes it).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace antq::news {

inline constexpr const char* kKinds[] = {"news", "warning", "notice"};

struct Post {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;  // the author's unit: who may see and change the post
  std::string unit_code, unit_name, unit_path;
  std::string author, kind, title, summary, body, body_html;
  std::string topics;  // JSON array of catalogue codes
  int priority = 3;
  std::string status;  // draft, pending, published, withdrawn
  std::optional<std::string> publish_at, published_at, expires_at, withdrawn_at, queued_at;
  int version = 1;
  std::string created_at, updated_at;
};

struct Target {
  std::int64_t unit_id = 0;
  std::string code, name, full_name, path;
};

// What a writer sends (post_input.cpp checks it); targets already resolved to units in scope.
struct PostText {
  std::string kind, title, summary, body;
  std::vector<std::string> topics;
  int priority = 3;
  std::optional<std::string> publish_at, expires_at;
};

}  // namespace antq::news
