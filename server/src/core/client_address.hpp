#pragma once
// The key a per-client limit counts under. One IPv4 address is one client; an IPv6 client owns
// at least a /64 (a phone gets a whole /64 from its carrier and may rotate through it freely), so
// IPv6 addresses are grouped by their first 64 bits. IPv4-mapped IPv6 (::ffff:a.b.c.d) is the
// IPv4 address. Anything unparsable is its own key, unchanged.
#include <string>
#include <string_view>

namespace antq::net {

std::string client_key(std::string_view address);

}  // namespace antq::net
