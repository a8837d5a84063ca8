#include "app/config.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "core/errors.hpp"

using namespace antq;

TEST(Config, FileThenEnvironmentOverrideDefaults) {
  const std::string path = ::testing::TempDir() + "antq-config-test.toml";
  std::ofstream(path) << "db = \"sqlite:/tmp/x.db\"\nlisten = \"0.0.0.0:9000\"\nio_threads = 3\n";
  ::setenv("ANTQ_LISTEN", "127.0.0.1:9100", 1);
  const auto c = app::load_config(path);
  ::unsetenv("ANTQ_LISTEN");
  EXPECT_EQ(c.db, "sqlite:/tmp/x.db");
  EXPECT_EQ(c.listen, "127.0.0.1:9100");
  EXPECT_EQ(c.io_threads, 3);
  const auto o = app::server_options(c);
  EXPECT_EQ(o.port, 9100);
  EXPECT_EQ(o.body_limit, 1u << 20);
}

TEST(Config, RejectsUnknownKeysAndBadValues) {
  const std::string path = ::testing::TempDir() + "antq-config-bad.toml";
  std::ofstream(path) << "colour = \"red\"\n";
  EXPECT_THROW(app::load_config(path), OperatorError);
  std::ofstream(path) << "io_threads = \"many\"\n";
  EXPECT_THROW(app::load_config(path), OperatorError);
  app::Config c;
  c.listen = "no-port";
  EXPECT_THROW(app::server_options(c), OperatorError);
  c.listen = "127.0.0.1:99999";
  EXPECT_THROW(app::server_options(c), OperatorError);
}
