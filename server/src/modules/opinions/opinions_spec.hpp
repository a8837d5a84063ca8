#pragma once
// Opinions (C5): raised at a "police listen to the people" conference or sent online, and the
// answer given.
#include "modules/registers/register_spec.hpp"

namespace antq::opinions {
registers::Spec spec();
}
