#pragma once
#include <string>

namespace antq::ids {

// A request id unique across processes and cheap enough for every request: a random prefix drawn
// once per process and a counter ("3f9a1c2e-0000001b").
std::string next_request_id();

}  // namespace antq::ids
