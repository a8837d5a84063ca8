#include "app/cli.hpp"

#include <malloc.h>

#include <chrono>
#include <thread>

int main(int argc, char** argv) {
  // glibc's malloc, left to itself, let the server's anonymous memory grow from 90 to 330 MiB in a
  // 30-minute soak (bench/soak.sh), while heaptrack on the same load saw at most 41 MiB of heap in
  // use and nothing leaking: freeing one large block (a photo's bytes, a 1 MB export) raises the
  // mmap threshold to its size, after which such blocks come from per-thread arenas (up to 16 on 2
  // cores, for ~70 threads) and stay there, fragmented, each arena at its own high-water mark. A
  // fixed threshold keeps large blocks in mmap (given back when freed); 4 arenas suit 2 cores.
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  mallopt(M_ARENA_MAX, 4);
  // That slowed the creep but did not stop it: at minute 22 of the next soak malloc_info showed
  // 108 MiB taken from the system of which 77 MiB were free chunks between live blocks, which only
  // malloc_trim gives back (one call in that run took the server from 138 to 69 MiB). So every 30 s
  // a thread returns them; the walk costs milliseconds and it sleeps otherwise (for short commands
  // too, which exit before it ever runs).
  std::thread([] {
    for (;;) {
      std::this_thread::sleep_for(std::chrono::seconds(30));
      malloc_trim(0);
    }
  }).detach();
  return antq::app::run_cli(argc, argv);
}
