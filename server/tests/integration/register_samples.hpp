#pragma once
// A valid record of every register, for tests that go through all of them.
#include <string>
#include <vector>

namespace antq::test {

struct RegisterSample {
  std::string name;         // URL segment
  std::string body;         // a valid record for village 21220-001 (or the commune)
  std::string count_field;  // a count field to try negative (empty: none)
  std::string date_field;   // a date to try in the future
  std::string code_field;   // a catalogue code to try unknown (empty: none)
  std::string writer_role;  // a role that may write it
};

// The nine movement registers (C4–C6, C9).
const std::vector<RegisterSample>& movement_samples();
// All of them plus reintegration people and hotspots (C7, C8).
const std::vector<RegisterSample>& all_register_samples();

}  // namespace antq::test
