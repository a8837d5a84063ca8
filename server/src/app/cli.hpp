#pragma once
namespace antq::app {
// The `antq` command line; returns the process exit code.
int run_cli(int argc, char** argv);
}  // namespace antq::app
