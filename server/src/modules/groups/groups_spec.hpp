#pragma once
// Groups (C6): self-managed groups, patrol teams, the village security team (Tổ bảo vệ ANTT) and
// chat-app channels, with their members.
#include "modules/registers/register_spec.hpp"

namespace antq::groups {
registers::Spec spec();
}
