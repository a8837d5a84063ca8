#pragma once
// Pledges (C9): a household, unit or establishment commits to the movement for a year.
#include "modules/registers/register_spec.hpp"

namespace antq::pledges {
registers::Spec spec();
}
