#pragma once
// Patrols (C6): who went out, when, where, and what they found.
#include "modules/registers/register_spec.hpp"

namespace antq::patrols {
registers::Spec spec();
}
