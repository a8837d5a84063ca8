#pragma once
// Validation of a new tip's JSON, shared by the public form and staff entry.
#include <boost/json/object.hpp>

#include "modules/tips/tip.hpp"

namespace antq::tips {

inline constexpr std::size_t kMinDescriptionChars = 10;
inline constexpr std::size_t kMaxDescriptionChars = 5000;
inline constexpr std::size_t kMaxMessageChars = 2000;

// `from_public`: the citizen form (channel is "online", "anonymous" must be sent). Throws BadRequest.
NewTip parse_new_tip(const boost::json::object& body, bool from_public);
// A message body: 1–2000 characters.
std::string parse_message(const boost::json::object& body);

}  // namespace antq::tips
