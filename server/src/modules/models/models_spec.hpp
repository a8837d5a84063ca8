#pragma once
// Self-management models and thematic programmes (C6): where each started and where it has been
// replicated (see replications.hpp).
#include "modules/registers/register_spec.hpp"

namespace antq::models {
registers::Spec spec();
}
