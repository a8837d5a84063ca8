#include "app/cli.hpp"

int main(int argc, char** argv) { return antq::app::run_cli(argc, argv); }
