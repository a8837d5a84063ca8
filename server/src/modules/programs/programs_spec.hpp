#pragma once
// Coordination programs (C9), e.g. 09/CTr-BCA-MTTW between the police and the Front.
#include "modules/registers/register_spec.hpp"

namespace antq::programs {
registers::Spec spec();
}
