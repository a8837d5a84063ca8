// JSON request bodies (core/json_input.cpp): json::parse_object and every ObjectReader accessor,
// applied to every key the body has and to the register keys in the dictionary. A body that is
// not acceptable must come out as a 400, and what an accessor returns must keep its promise
// (length, range, no control characters). The registers' own validation of such bodies is
// reached through the `pipeline` target.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"
#include "core/json_input.hpp"
#include "core/text.hpp"
#include "support.hpp"

using namespace antq;

namespace {

void read_all(const json::ObjectReader& r, const std::string& key, std::string_view input, int depth) {
  ANTQ_FUZZ_CLIENT_ERROR_OK(
      {
        const std::string s = r.required_string(key, 40);
        if (s.empty() || text::length(s) > 40) fuzz::finding("required_string broke its limits", input);
        if (!text::valid_utf8(s)) fuzz::finding("required_string returned invalid UTF-8", input);
        for (unsigned char c : s) {
          if (c < 0x20 && c != '\n' && c != '\t') fuzz::finding("control character in a checked string", input);
        }
      },
      input);
  ANTQ_FUZZ_CLIENT_ERROR_OK((void)r.optional_string(key), input);
  ANTQ_FUZZ_CLIENT_ERROR_OK(
      {
        if (auto s = r.optional_raw_string(key, 64); s && s->size() > 64) fuzz::finding("optional_raw_string too long", input);
      },
      input);
  ANTQ_FUZZ_CLIENT_ERROR_OK(
      {
        if (auto n = r.optional_int(key, -1000, 1000); n && (*n < -1000 || *n > 1000)) fuzz::finding("optional_int out of range", input);
      },
      input);
  ANTQ_FUZZ_CLIENT_ERROR_OK((void)r.optional_int(key, INT64_MIN, INT64_MAX), input);
  ANTQ_FUZZ_CLIENT_ERROR_OK((void)r.optional_bool(key), input);
  ANTQ_FUZZ_CLIENT_ERROR_OK(
      {
        if (auto d = r.optional_number(key, -90.0, 90.0); d && !(std::isfinite(*d) && *d >= -90.0 && *d <= 90.0)) {
          fuzz::finding("optional_number out of range", input);
        }
      },
      input);
  ANTQ_FUZZ_CLIENT_ERROR_OK(
      {
        if (auto id = r.optional_id(key); id && *id <= 0) fuzz::finding("optional_id not positive", input);
      },
      input);
  ANTQ_FUZZ_CLIENT_ERROR_OK(
      {
        if (const auto* o = r.optional_object(key); o && depth < 3) {
          const json::ObjectReader inner(*o);
          for (const auto& kv : *o) read_all(inner, std::string(kv.key()), input, depth + 1);
        }
      },
      input);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::quiet_logs();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  boost::json::object obj;
  try {
    obj = json::parse_object(input);
  } catch (const ApiError& e) {
    if (e.status() != 400) fuzz::finding("parse_object: not a 400", input);
    return 0;
  } catch (const std::exception& e) {
    fuzz::finding(std::string("parse_object: ") + e.what(), input);
  }
  const json::ObjectReader r(obj);
  ANTQ_FUZZ_CLIENT_ERROR_OK(r.allow_only({"unit", "date", "kind", "title", "participants", "notes"}), input);
  std::vector<std::string> keys;
  for (const auto& kv : obj) keys.emplace_back(kv.key());
  try {
    r.allow_only(keys);  // every key of the body is allowed: must pass
  } catch (const std::exception& e) {
    fuzz::finding(std::string("allow_only refused an allowed key: ") + e.what(), input);
  }
  for (const auto& k : keys) read_all(r, k, input, 0);
  for (const char* k : {"unit", "date", "participants", "latitude", "id", ""}) read_all(r, k, input, 0);
  return 0;
}
