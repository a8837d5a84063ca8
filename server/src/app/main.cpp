#include "app/cli.hpp"

#include <malloc.h>

int main(int argc, char** argv) {
  // glibc's malloc, left to itself, let the server's anonymous memory grow from 90 to 330 MiB in a
  // 30-minute soak (bench/soak.sh), while heaptrack on the same load saw at most 41 MiB of heap in
  // use and nothing leaking: freeing one large block (a photo's bytes, a 1 MB export) raises the
  // mmap threshold to its size, after which such blocks come from per-thread arenas (up to 16 on 2
  // cores, for ~70 threads) and stay there, fragmented, each arena at its own high-water mark. A
  // fixed threshold keeps large blocks in mmap (given back when freed); 4 arenas suit 2 cores.
  // This roughly halved the creep but did not stop it (docs/decisions/0011-faults.md, "Soak"); a
  // malloc_trim(0) every 30 s was tried on top and changed nothing measurable, so it is not here.
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  mallopt(M_ARENA_MAX, 4);
  return antq::app::run_cli(argc, argv);
}
