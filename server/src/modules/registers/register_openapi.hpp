#pragma once
// OpenAPI paths of a register, generated from its spec (so the document cannot drift from it).
#include <boost/json/object.hpp>

#include "modules/registers/register_spec.hpp"

namespace antq::registers {

void add_openapi_paths(const Spec& spec, boost::json::object& paths);

}  // namespace antq::registers
