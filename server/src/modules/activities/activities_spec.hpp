#pragma once
// Activities (C4): campaign launches, propaganda, listening conferences, trainings, leaflets,
// festivals, signings, reviews — with their organising forces, audience, topics and attendance.
#include "modules/registers/register_spec.hpp"

namespace antq::activities {
registers::Spec spec();
}
