#pragma once
// A writer's JSON for a post, checked field by field (400 naming the field, in Vietnamese).
#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

#include "modules/news/post.hpp"

namespace antq::news {

inline constexpr std::size_t kMaxTitle = 200, kMaxSummary = 500, kMaxBody = 20000;
inline constexpr std::size_t kMaxTargets = 50, kMaxTopics = 10, kMaxChannels = 50;

struct PostInput {
  PostText text;
  std::optional<std::vector<std::string>> target_units;  // codes; nullopt: not given
  std::optional<std::vector<std::string>> channels;      // ids of Zalo, Facebook groups; nullopt: not given
};

// `base`: the post as it is (a PATCH changes only what it names); nullopt for a new post, whose
// kind, title and body are required.
PostInput read_post_input(const boost::json::object& body, const std::optional<PostText>& base);

}  // namespace antq::news
