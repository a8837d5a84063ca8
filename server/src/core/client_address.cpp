#include "core/client_address.hpp"

#include <arpa/inet.h>

#include <cstdio>
#include <cstring>

namespace antq::net {

std::string client_key(std::string_view address) {
  if (address.empty() || address.size() > 64) return std::string(address);
  std::string a(address);  // not const: returned, it moves
  in_addr v4{};
  if (::inet_pton(AF_INET, a.c_str(), &v4) == 1) return a;
  in6_addr v6{};
  // A zone index ("fe80::1%eth0") is not part of the address.
  const std::string bare = a.substr(0, a.find('%'));
  if (::inet_pton(AF_INET6, bare.c_str(), &v6) != 1) return a;
  static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(v6.s6_addr, kMapped, sizeof kMapped) == 0) {
    char buf[INET_ADDRSTRLEN];
    if (::inet_ntop(AF_INET, v6.s6_addr + 12, buf, sizeof buf)) return buf;
  }
  char out[48];
  std::snprintf(out, sizeof out, "%02x%02x:%02x%02x:%02x%02x:%02x%02x::/64", v6.s6_addr[0], v6.s6_addr[1], v6.s6_addr[2], v6.s6_addr[3],
                v6.s6_addr[4], v6.s6_addr[5], v6.s6_addr[6], v6.s6_addr[7]);
  return out;
}

}  // namespace antq::net
