#pragma once
// A day that has already come (a member joined, a model was copied, a visit took place): a body
// field YYYY-MM-DD, not after today in Vietnam. Every such field says the same words when wrong.
#include <string>

#include "core/json_input.hpp"

namespace antq::json {

// The date; "" when absent and not required. Throws BadRequest naming `key`.
std::string past_date(const ObjectReader& in, const char* key, bool required);

}  // namespace antq::json
