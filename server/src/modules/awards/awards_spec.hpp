#pragma once
// Awards (C9): certificates of merit and commendations to collectives and individuals.
#include "modules/registers/register_spec.hpp"

namespace antq::awards {
registers::Spec spec();
}
