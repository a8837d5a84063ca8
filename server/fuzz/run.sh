#!/usr/bin/env bash
# `make fuzz FUZZ_SECONDS=N`: builds the libFuzzer targets (clang, ASan + UBSan, in build-fuzz/)
# and runs each for N seconds on a copy of its seed corpus (the repository's corpus is never
# written). Exits non-zero when any target crashed, leaked, timed out or ran out of memory, and
# prints the reproducer. See docs/decisions/0010-fuzzing.md.
#
#   FUZZ_SECONDS=60        seconds per target (the seed corpus always runs in full first)
#   FUZZ_TARGETS="a b"     a subset (default: all)
#   FUZZ_BUILD_DIR=dir     default build-fuzz
#   FUZZ_JOBS=N            build parallelism (default 2)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SECONDS_EACH=${FUZZ_SECONDS:-60}
BUILD=${FUZZ_BUILD_DIR:-build-fuzz}
TARGETS=${FUZZ_TARGETS:-"request_target pipeline json_input csv media"}
JOBS=${FUZZ_JOBS:-2}

if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz: clang++ is missing (run 'make deps': clang, libclang-rt-14-dev, llvm)" >&2
  exit 2
fi

if [ ! -f "$BUILD/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$BUILD" -G Ninja -DANTQ_FUZZ=ON -DANTQ_BUILD_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=Debug >/dev/null
fi
build_start=$(date +%s)
build_targets=()
for t in $TARGETS; do build_targets+=("fuzz_$t"); done
cmake --build "$BUILD" --target "${build_targets[@]}" --parallel "$JOBS"
echo "fuzz: build took $(( $(date +%s) - build_start )) s"

# Findings must stop the target: UBSan aborts (compiled without recovery), ASan reports leaks at
# the end of each input that allocated more than it freed.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ]; then
  for s in llvm-symbolizer llvm-symbolizer-14; do
    if command -v "$s" >/dev/null 2>&1; then export ASAN_SYMBOLIZER_PATH=$(command -v "$s"); break; fi
  done
fi

run_dir="$BUILD/fuzz-runs/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"
failed=()
printf '%-16s %8s %12s %8s  %s\n' target seconds executions new result
for t in $TARGETS; do
  bin="$BUILD/fuzz/fuzz_$t"
  work="$run_dir/$t"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp -r "server/fuzz/corpus/$t/." "$work/corpus/"
  args=(-max_total_time="$SECONDS_EACH" -rss_limit_mb=4096 -timeout=30 -print_final_stats=1
        -artifact_prefix="$work/artifacts/")
  case $t in
    request_target) args+=(-dict=server/fuzz/dict/http.dict -max_len=4096) ;;
    pipeline) args+=(-dict=server/fuzz/dict/http.dict -max_len=65536) ;;
    json_input) args+=(-dict=server/fuzz/dict/json.dict -max_len=16384) ;;
    csv) args+=(-max_len=16384) ;;
    media) args+=(-max_len=262144) ;;
  esac
  start=$(date +%s)
  rc=0
  "$bin" "${args[@]}" "$work/corpus" >"$work/log" 2>&1 || rc=$?
  took=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
  added=$(sed -n 's/^stat::new_units_added: *//p' "$work/log" | tail -1)
  result=ok
  if [ "$rc" -ne 0 ]; then result="FAILED (exit $rc)"; failed+=("$t"); fi
  printf '%-16s %8s %12s %8s  %s\n' "$t" "$took" "${execs:-?}" "${added:-?}" "$result"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -Is)" "$t" "$took" "${execs:-?}" "${added:-?}" "$result" >>"$BUILD/fuzz-runs/totals.tsv"
  if [ "$rc" -ne 0 ]; then
    echo "---- $t: last lines of $work/log"
    grep -v '^#[0-9]\|# Uses:' "$work/log" | tail -n 40
    for a in "$work"/artifacts/*; do
      [ -e "$a" ] || continue
      echo "reproducer: $ROOT/$a"
      echo "  rerun:    $BUILD/fuzz/fuzz_$t $a"
    done
  fi
done
if ((${#failed[@]})); then
  echo "fuzz: findings in ${failed[*]} (logs and reproducers under $run_dir)" >&2
  exit 1
fi
echo "fuzz: no findings ($SECONDS_EACH s per target; logs under $run_dir)"
