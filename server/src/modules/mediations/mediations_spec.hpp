#pragma once
// Mediations at the grassroots (C6): the columns of the mediation record book (Luật Hòa giải ở cơ
// sở 2013, Art 21.4). The parties' names are sealed.
#include "modules/registers/register_spec.hpp"

namespace antq::mediations {
registers::Spec spec();
}
