#!/usr/bin/env bash
# Every test: C++ unit and integration tests on SQLite and on a real PostgreSQL, then the web
# unit tests and the browser tests in Debian's Chromium against the real server.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}

# Each stage's wall time, printed at the end: where the 45 minutes of a clean machine go.
timings=()
stage_start=$SECONDS
stage_name=""
stage() {
  [ -n "$stage_name" ] && timings+=("$(printf '%5d s  %s' $((SECONDS - stage_start)) "$stage_name")")
  stage_name=$1
  stage_start=$SECONDS
  if [ -n "$1" ]; then echo "== $1"; fi
}
trap 'stage ""; printf "%s\n" "== Time per stage (this script; the build before it is make'"'"'s)" "${timings[@]}"' EXIT

stage "Lint self-test (make lint refuses a misformatted file, a long function, a file over 500 lines)"
bash scripts/lint/lint_test.sh

# make lint before any test (issue 13 item 14): a misformatted file, a function over 120 lines, a
# clang-tidy or ESLint finding fails `make test` and so CI.
stage "Lint (make lint: clang-format, clang-tidy, ESLint, Prettier, file sizes)"
bash scripts/lint.sh

stage "C++ tests (SQLite and PostgreSQL)"
bash scripts/with-postgres.sh ctest --test-dir "$BUILD_DIR" --output-on-failure --no-tests=error --parallel 2 --timeout 300

# Issue 16: nginx (the shipped site file) over three instances on one durable PostgreSQL; kill -9
# one under write load with Idempotency-Keys; nothing acknowledged is lost, nothing is made twice.
stage "Several instances behind nginx: kill -9 one under write load (deploy/tests/cluster-kill-test.sh)"
ANTQ_BIN="$PWD/$BUILD_DIR/antq" bash deploy/tests/cluster-kill-test.sh

stage "Fuzz smoke (each libFuzzer target: its seed corpus, then ${FUZZ_SMOKE_SECONDS:-3} s of mutations)"
FUZZ_SECONDS=${FUZZ_SMOKE_SECONDS:-3} bash server/fuzz/run.sh

stage "Web unit tests"
(cd web && npm test --silent)

stage "Browser tests (Chromium)"
(cd web && ANTQ_BIN="$PWD/../$BUILD_DIR/antq" npm run e2e --silent)
