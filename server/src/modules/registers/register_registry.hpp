#pragma once
// Every register on the engine, by name: what modules that work across registers (the importer)
// are given, so they find a register's service without knowing the list. movement::install fills
// and offers it; the command line builds one of its own.
#include <memory>
#include <string_view>
#include <vector>

#include "modules/registers/register_service.hpp"

namespace antq::registers {

class Registry {
 public:
  void add(RegisterService& service) { services_.push_back(&service); }
  RegisterService* find(std::string_view name) const {
    for (auto* s : services_) {
      if (s->spec().name == name) return s;
    }
    return nullptr;
  }
  const std::vector<RegisterService*>& all() const { return services_; }

 private:
  std::vector<RegisterService*> services_;
};

}  // namespace antq::registers
