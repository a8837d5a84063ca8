#!/usr/bin/env bash
# Spreadsheet import benchmark (make bench; issue 14). Not a test: it exits 0 once the measurements
# ran, whatever the numbers.
#
# 100,000 activity rows of one commune as XLSX, imported with `antq import register` (the same
# code as the web's background run) into a fresh database on each engine: rows/s, the import
# process's peak RSS, and the ratio to a raw multi-row INSERT of the same rows in the same run
# (bench/imports_bench.cpp; target ≥ 0.3, RSS ≤ 300 MB). PostgreSQL is started on loopback by
# scripts/with-postgres.sh, as the tests do. Knobs: BENCH_IMPORT_ROWS=100000.
set -euo pipefail
# PostgreSQL runs for the whole benchmark: the script runs itself again under with-postgres.sh.
if [ -z "${ANTQ_TEST_PG_URL:-}" ]; then exec bash "$(dirname "$0")/../scripts/with-postgres.sh" bash "$0" "$@"; fi
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
BUILD="${BUILD_DIR:-$ROOT/build}"
ROWS="${BENCH_IMPORT_ROWS:-100000}"
ANTQ_BIN="${ANTQ_BIN:-$BUILD/antq}"
work=$(mktemp -d /tmp/antq-bench-imports.XXXXXX)
trap 'rm -rf "$work"' EXIT

cmake --build "$BUILD" --target antq_bench_imports >/dev/null
ref=$("$BUILD/antq_bench_imports" --rows "$ROWS" --dir "$work" | tail -n1)
echo "bench imports: $ref"
sqlite_ref_rps=$(sed -n 's/.*sqlite_reference_rps=\([0-9]*\).*/\1/p' <<<"$ref")

# Runs a command, prints "seconds peak_rss_kib" of it (python's resource module reads the child's).
measure() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
t0 = time.monotonic()
p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
t = time.monotonic() - t0
sys.stderr.write(p.stdout)
print(f"{t:.3f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
sys.exit(p.returncode)
PY
}

run_engine() {  # run_engine NAME URL REFERENCE_RPS
  local name=$1 url=$2 ref_rps=$3
  export ANTQ_DATA_KEY_FILE="$work/$name.key"
  "$ANTQ_BIN" init --db "$url" --units vn-2tier >/dev/null
  read -r secs rss < <(measure "$ANTQ_BIN" import register activities --file "$work/activities.xlsx" --db "$url" 2>"$work/$name.out")
  grep -q "thêm $(python3 -c "print(f'{$ROWS:,}'.replace(',', '.'))")" "$work/$name.out" || { echo "bench imports: $name import did not create every row:"; cat "$work/$name.out"; }
  python3 - "$name" "$ROWS" "$secs" "$rss" "$ref_rps" <<'PY'
import sys
name, rows, secs, rss, ref = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
rps = rows / secs
print(f"bench imports: {name:10s} {rows} rows from XLSX in {secs:.1f} s = {rps:,.0f} rows/s; peak RSS {rss/1024:.0f} MB (target ≤ 300); "
      f"raw multi-row INSERT {ref:,.0f} rows/s; ratio {rps/ref:.3f} (target ≥ 0.3)")
PY
}

run_engine sqlite "sqlite:$work/bench.db" "$sqlite_ref_rps"

# PostgreSQL: a database of its own; the reference is psql running the same multi-row INSERTs in
# one transaction on it (rolled back), then the import.
db="antq_bench_imports_$$"
psql -q "$ANTQ_TEST_PG_URL" -c "CREATE DATABASE $db" >/dev/null
trap 'rm -rf "$work"; psql -q "$ANTQ_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1' EXIT
purl="${ANTQ_TEST_PG_URL%/*}/$db"
export ANTQ_DATA_KEY_FILE="$work/postgresql.key"
"$ANTQ_BIN" init --db "$purl" --units vn-2tier >/dev/null
t0=$(date +%s.%N)
psql -q "$purl" -v ON_ERROR_STOP=1 -f "$work/reference.sql" >/dev/null
t1=$(date +%s.%N)
pg_ref_rps=$(python3 -c "print(round($ROWS / ($t1 - $t0)))")
psql -q "$ANTQ_TEST_PG_URL" -c "DROP DATABASE $db" >/dev/null
psql -q "$ANTQ_TEST_PG_URL" -c "CREATE DATABASE $db" >/dev/null
run_engine postgresql "$purl" "$pg_ref_rps"
