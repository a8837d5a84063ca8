#include "core/client_address.hpp"

#include <gtest/gtest.h>

using antq::net::client_key;

// Per-client limits count an IPv6 client by its /64: a carrier gives each phone a whole /64, and
// rotating through it must not multiply the limits.
TEST(ClientAddress, Ipv6IsGroupedByItsSlash64Ipv4IsItself) {
  EXPECT_EQ(client_key("203.0.113.9"), "203.0.113.9");
  EXPECT_EQ(client_key("2001:db8:1:2::1"), client_key("2001:db8:1:2:ffff:eeee:dddd:cccc"));
  EXPECT_NE(client_key("2001:db8:1:2::1"), client_key("2001:db8:1:3::1"));
  EXPECT_EQ(client_key("2001:db8:1:2::1"), "2001:0db8:0001:0002::/64");
  EXPECT_EQ(client_key("::ffff:198.51.100.7"), "198.51.100.7");
  EXPECT_EQ(client_key("fe80::1%eth0"), client_key("fe80::2"));
  EXPECT_EQ(client_key("not an address"), "not an address");
  EXPECT_EQ(client_key(""), "");
}
