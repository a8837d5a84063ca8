#include "app/cli.hpp"

// The allocator is jemalloc, linked in (server/CMakeLists.txt, decision 0018): glibc's malloc let
// the server's anonymous memory creep in the soak (bench/soak.sh, decision 0011) even with a fixed
// mmap threshold and 4 arenas, and a spreadsheet import spent a fifth of its time in it.
int main(int argc, char** argv) { return antq::app::run_cli(argc, argv); }
