#pragma once
// Every import target by name (the `register` of an upload): the registers, then what hangs off
// them and the tips (imports_install.cpp lists them).
#include <memory>
#include <string_view>
#include <vector>

#include "modules/imports/import_target.hpp"

namespace antq::imports {

class Targets {
 public:
  void add(std::unique_ptr<Target> t) { all_.push_back(std::move(t)); }
  const Target* find(std::string_view name) const {
    for (const auto& t : all_) {
      if (t->spec().name == name) return t.get();
    }
    return nullptr;
  }
  const std::vector<std::unique_ptr<Target>>& all() const { return all_; }

 private:
  std::vector<std::unique_ptr<Target>> all_;
};

}  // namespace antq::imports
