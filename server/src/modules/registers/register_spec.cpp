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

bool Spec::has_sealed() const {
  for (const auto& f : fields)
    if (f.sealed || f.type == FieldType::sealed_list) return true;
  return false;
}

std::string Spec::reference(std::int64_t id) const {
  std::string n = std::to_string(id);
  if (ref_prefix.empty()) return n;
  if (n.size() < 6) n.insert(0, 6 - n.size(), '0');
  return ref_prefix + "-" + n;
}

}  // namespace antq::registers
