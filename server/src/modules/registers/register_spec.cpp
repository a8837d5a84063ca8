#include "modules/registers/register_spec.hpp"

namespace antq::registers {

const Field* Spec::field(const std::string& n) const {
  for (const auto& f : fields)
    if (f.name == n) return &f;
  return nullptr;
}

bool Spec::has_codes() const {
  for (const auto& f : fields)
    if (f.type == FieldType::codes) return true;
  return false;
}

}  // namespace antq::registers
