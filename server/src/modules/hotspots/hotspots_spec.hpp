#pragma once
// Hotspots (C8: địa bàn trọng điểm, phức tạp về an ninh, trật tự): designated areas, the problems
// that make them so (topic codes), the transformation plan with its milestones, and the outcome.
#include "modules/registers/register_spec.hpp"

namespace antq::hotspots {
registers::Spec spec();
}
