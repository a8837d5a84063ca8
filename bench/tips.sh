#!/usr/bin/env bash
# ANTQ tip intake benchmark (make bench). Not a test: it always exits 0 once the measurements
# ran, whatever the numbers; it exits non-zero only when the benchmark itself could not run
# (tool missing, server or PostgreSQL did not start, first tip refused).
#
# Measures, on one machine, in about 90 s:
#   raw SQLite   antq_bench_sqlite_insert: rows/s with WAL + synchronous=FULL and one row per
#                transaction, one writer (the reference for the ratio; measured before and after
#                antq on SQLite, the ratio uses the mean) and 4 contending writers (what a server
#                without group commit would get);
#   antq SQLite  POST /api/v1/public/tips with wrk -t2 -c128 -d10s --latency after a 2 s warm-up
#                (a different ~120-character Vietnamese description per request);
#   antq PostgreSQL  the same, once per pool size in BENCH_PG_POOLS (ANTQ_DB_POOL_SIZE).
# Rate limits and the proof-of-work challenge are off by configuration (ANTQ_PUBLIC_RATE_LIMIT=off,
# ANTQ_PUBLIC_CHALLENGE=off), ANTQ_LOG_LEVEL=warn.
#
# Durability check: every 2xx that wrk saw (counted in the Lua response callback, warm-up
# included) must be a row in `tips`. The server is killed with SIGKILL before rows are counted
# (sqlite3 / psql), so nothing acknowledged can still sit in a server buffer. Rows beyond the 2xx
# count are requests still in flight when wrk stopped (at most one per connection per wrk run).
#
# PostgreSQL: unless ANTQ_TEST_PG_URL is set, a private cluster on loopback is started with its
# durable defaults (fsync=on, synchronous_commit=on, full_page_writes=on); scripts/with-postgres.sh
# turns fsync off, which suits tests but not a durability benchmark. With ANTQ_TEST_PG_URL set
# (e.g. `bash scripts/with-postgres.sh bash bench/tips.sh --pg-only`) that database is used and its
# fsync / synchronous_commit settings are printed next to the figures.
#
# Usage: bash bench/tips.sh [--sqlite-only | --pg-only]
# Knobs (environment): BENCH_DURATION=10s BENCH_WARMUP=2s BENCH_CONNECTIONS=128 BENCH_THREADS=2
# BENCH_UNIT_CODE=21220-001 BENCH_RAW_SECONDS=5 BENCH_PG_POOLS="16 32" BENCH_TARGET_TIPS=5000
# ANTQ_BIN=build/antq RAW_BIN=build/antq_bench_sqlite_insert; ANTQ_WORKER_THREADS and
# ANTQ_DB_READERS are passed through to the server.
# Writes bench/results/tips-latest.json.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"

DURATION="${BENCH_DURATION:-10s}"
WARMUP="${BENCH_WARMUP:-2s}"
CONNECTIONS="${BENCH_CONNECTIONS:-128}"
THREADS="${BENCH_THREADS:-2}"
UNIT_CODE="${BENCH_UNIT_CODE:-21220-001}"
RAW_SECONDS="${BENCH_RAW_SECONDS:-5}"
PG_POOLS="${BENCH_PG_POOLS:-16 32}"
TARGET_TIPS="${BENCH_TARGET_TIPS:-5000}"
ANTQ_BIN="${ANTQ_BIN:-$ROOT/build/antq}"
RAW_BIN="${RAW_BIN:-$ROOT/build/antq_bench_sqlite_insert}"
RESULTS_DIR="$BENCH_DIR/results"
WRK_TIMEOUT="10s"
ADMIN_PASSWORD="Mat-khau-du-dai-2026"

RUN_SQLITE=1
RUN_PG=1
for arg in "$@"; do
  case "$arg" in
    --sqlite-only) RUN_PG=0 ;;
    --pg-only) RUN_SQLITE=0 ;;
    -h|--help) sed -n '2,32p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "tips bench: unknown argument '$arg' (--sqlite-only | --pg-only)" >&2; exit 2 ;;
  esac
done

die() { echo "tips bench: $*" >&2; exit 2; }
note() { echo "tips bench: $*" >&2; }

# ---------------------------------------------------------------- tools
WRK="$(command -v wrk || true)"
[ -n "$WRK" ] || die "wrk not found (run 'make deps' or scripts/install-deps.sh)."
SQLITE3="$(command -v sqlite3 || true)"
[ "$RUN_SQLITE" = 0 ] || [ -n "$SQLITE3" ] || die "sqlite3 (command-line shell) not found; it counts the rows."
PSQL="$(command -v psql || true)"
[ "$RUN_PG" = 0 ] || [ -n "$PSQL" ] || die "psql not found; it counts the rows (run scripts/install-deps.sh)."
if [ ! -x "$ANTQ_BIN" ]; then
  if [ -f "$ROOT/build/build.ninja" ]; then
    note "$ANTQ_BIN missing; building it."
    cmake --build "$ROOT/build" --target antq >&2 || die "build of antq failed."
  fi
  [ -x "$ANTQ_BIN" ] || die "server binary $ANTQ_BIN not found (run 'make build')."
fi
if [ "$RUN_SQLITE" = 1 ] && [ -f "$ROOT/build/build.ninja" ] && [ "$RAW_BIN" = "$ROOT/build/antq_bench_sqlite_insert" ]; then
  # Not in the default build (EXCLUDE_FROM_ALL): built here, incrementally.
  cmake --build "$ROOT/build" --target antq_bench_sqlite_insert >/dev/null 2>"$ROOT/build/.tips-bench-build.err" ||
    { cat "$ROOT/build/.tips-bench-build.err" >&2; [ -x "$RAW_BIN" ] || die "build of antq_bench_sqlite_insert failed."; }
  rm -f "$ROOT/build/.tips-bench-build.err"
fi
[ "$RUN_SQLITE" = 0 ] || [ -x "$RAW_BIN" ] || die "$RAW_BIN not found (cmake --build build --target antq_bench_sqlite_insert)."

# ---------------------------------------------------------------- cleanup
# The data lives under /tmp, on the same file system for the raw reference and for antq.
TMP="$(mktemp -d "${TMPDIR:-/tmp}/antq-tips-bench.XXXXXX")"
# Benchmark private copies, so a rebuild during the run changes nothing.
cp "$ANTQ_BIN" "$TMP/antq"
ANTQ_SRC_BIN="$ANTQ_BIN"
ANTQ_BIN="$TMP/antq"
if [ "$RUN_SQLITE" = 1 ]; then cp "$RAW_BIN" "$TMP/raw-insert"; RAW_BIN="$TMP/raw-insert"; fi
SERVER_PID=""
PG_DIR=""
PG_RUN=()
PGBIN=""

stop_pid() {  # stop_pid PID [SIGNAL]: SIGNAL (TERM), wait up to 5 s, then KILL.
  local pid="$1" sig="${2:-TERM}" i
  [ -n "$pid" ] || return 0
  {  # stderr off: no "Killed" job notice from bash
    kill -"$sig" "$pid" 2>/dev/null || return 0
    for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  } 2>/dev/null
}

stop_pg() {
  [ -n "$PG_DIR" ] || return 0
  "${PG_RUN[@]}" "$PGBIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}

cleanup() {
  stop_pid "$SERVER_PID"; SERVER_PID=""
  stop_pg
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'echo; note "interrupted"; cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

# ---------------------------------------------------------------- helpers
to_ms() {  # to_ms VALUE_WITH_UNIT (wrk prints us, ms, s, m)
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
    printf "%.2f", n }'
}

cpu_busy() {  # CPU use by other processes over one second (0-100 %)
  local a b
  a="$(head -n1 /proc/stat)"; sleep 1; b="$(head -n1 /proc/stat)"
  awk -v a="$a" -v b="$b" 'BEGIN {
    n = split(a, x, " "); split(b, y, " "); t = 0
    for (i = 2; i <= n; i++) t += y[i] - x[i]
    idle = (y[5] - x[5]) + (y[6] - x[6])
    printf "%.0f", (t > 0) ? 100 * (t - idle) / t : 0 }'
}

# The wrk script (one POST per request, counted into a TIPS line) is bench/tips.lua.

CLK_TCK="$(getconf CLK_TCK 2>/dev/null || echo 100)"
proc_cpu_ticks() {  # proc_cpu_ticks PID -> utime + stime of the process (all threads), in ticks
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0
}

tips_field() {  # tips_field FILE KEY -> value from the TIPS line
  awk -v k="$2" '/^TIPS / { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) print kv[2] } }' "$1"
}

# antq_cmd [ENV=VALUE...] ARGS...: one antq command run from the temp dir, no antq.toml, so that
# nothing (data key, config) is read from or written to the working directory.
antq_cmd() {
  local envs=()
  while [ $# -gt 0 ] && [[ "$1" == *=* ]]; do envs+=("$1"); shift; done
  (cd "$TMP" && exec env -u ANTQ_CONFIG "${envs[@]}" "$ANTQ_BIN" "$@")
}

# Server start: sets SERVER_PID and SERVER_PORT. start_antq DB_SPEC LOG_NAME [ENV=VALUE...]
SERVER_PORT=""
start_antq() {
  local db="$1" name="$2" i
  shift 2
  : > "$TMP/antq.out"
  (cd "$TMP" && exec env -u ANTQ_CONFIG ANTQ_LOG_LEVEL=warn ANTQ_PUBLIC_CHALLENGE=off ANTQ_PUBLIC_RATE_LIMIT=off "$@" \
    "$ANTQ_BIN" serve --db "$db" --listen 127.0.0.1:0 >"$TMP/antq.out" 2>"$TMP/antq-$name.log") &
  SERVER_PID=$!
  SERVER_PORT=""
  for i in $(seq 150); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    SERVER_PORT="$(sed -n 's/^antq: listening on http:\/\/127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$TMP/antq.out")"
    [ -n "$SERVER_PORT" ] && break
    sleep 0.1
  done
  if [ -z "$SERVER_PORT" ]; then
    tail -n 20 "$TMP/antq-$name.log" >&2 || true
    die "antq serve did not start ($name)."
  fi
  # One tip by hand first: a refusal here means the benchmark would measure an error path.
  local status
  status="$("$WRK" -t1 -c1 -d1s -s "$BENCH_DIR/tips.lua" "http://127.0.0.1:$SERVER_PORT" -- s "$UNIT_CODE" 2>&1 | awk '/^TIPS / {print}' || true)"
  if ! grep -q 'non2xx=0 ' <<<"$status" || grep -q 'ok=0 ' <<<"$status"; then
    tail -n 20 "$TMP/antq-$name.log" >&2 || true
    die "POST /api/v1/public/tips is not answering 2xx ($name): ${status:-no answer}"
  fi
}

# count_rows KIND DB -> rows in tips (KIND sqlite: DB is a file; postgres: a URL)
count_rows() {
  if [ "$1" = sqlite ]; then "$SQLITE3" "$2" "SELECT count(*) FROM tips;"
  else "$PSQL" "$2" -XtAqc "SELECT count(*) FROM tips"; fi
}

# bench_intake NAME KIND DB_FILE_OR_URL: server already running. Warm-up, measure, SIGKILL the
# server, count rows. Appends a line to $TMP/results.tsv:
# name, kind, req/s, 2xx/s, p50_ms, p99_ms, requests, ok (measure), non2xx, socket errors,
# statuses, 2xx (warm-up + measure), rows added, missing rows, extra rows, antq CPU ms per 2xx
bench_intake() {
  local name="$1" kind="$2" db="$3" url="http://127.0.0.1:$SERVER_PORT" file out
  local rows_before rows_after
  file="$TMP/wrk-$(echo "$name" | tr -c 'A-Za-z0-9' '_')"
  # Counted after the smoke test in start_antq, so its tips are neither acknowledged nor added here.
  rows_before="$(count_rows "$kind" "$db")"
  note "warm-up $name ($WARMUP)"
  "$WRK" -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout "$WRK_TIMEOUT" -s "$BENCH_DIR/tips.lua" "$url" -- w "$UNIT_CODE" > "$file-warmup.txt"
  note "measure $name: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency POST /api/v1/public/tips"
  local cpu_before cpu_after
  cpu_before="$(proc_cpu_ticks "$SERVER_PID")"
  "$WRK" -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$WRK_TIMEOUT" --latency -s "$BENCH_DIR/tips.lua" "$url" -- m "$UNIT_CODE" > "$file.txt"
  cpu_after="$(proc_cpu_ticks "$SERVER_PID")"
  # Kill, do not stop: a row must be on disk when its 201 left, not after a clean shutdown.
  stop_pid "$SERVER_PID" KILL; SERVER_PID=""
  rows_after="$(count_rows "$kind" "$db")"
  out="$(cat "$file.txt")"
  local rps p50 p99 reqs ok non2xx errs statuses dur_us ok_warm added acked missing extra tps cpu_per_tip
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2; exit}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2; exit}' <<<"$out")"
  [ -n "$rps" ] && [ -n "$p99" ] && grep -q '^TIPS ' "$file.txt" ||
    { printf '%s\n' "$out" >&2; die "could not parse wrk output for $name."; }
  reqs="$(tips_field "$file.txt" requests)"
  ok="$(tips_field "$file.txt" ok)"
  non2xx="$(tips_field "$file.txt" non2xx)"
  errs=$(( $(tips_field "$file.txt" connect) + $(tips_field "$file.txt" read) + $(tips_field "$file.txt" write) + $(tips_field "$file.txt" timeout) ))
  statuses="$(tips_field "$file.txt" statuses)"
  dur_us="$(tips_field "$file.txt" duration_us)"
  ok_warm="$(tips_field "$file-warmup.txt" ok)"
  # The wrk summary's own arithmetic, as a cross-check of the Lua count.
  if [ $(( reqs - non2xx )) -ne "$ok" ]; then
    note "warning: $name: wrk requests - non-2xx = $(( reqs - non2xx )) but the Lua callback counted $ok 2xx."
  fi
  added=$(( rows_after - rows_before ))
  acked=$(( ok + ${ok_warm:-0} ))
  missing=$(( acked > added ? acked - added : 0 ))
  extra=$(( added > acked ? added - acked : 0 ))
  tps="$(awk -v n="$ok" -v us="$dur_us" 'BEGIN { printf "%.2f", (us > 0) ? n * 1e6 / us : 0 }')"
  # antq's own CPU time (all threads, user + system) during the measured run, per 2xx: less
  # sensitive to a busy machine than req/s (the database server's CPU is not in it).
  cpu_per_tip="$(awk -v a="$cpu_before" -v b="$cpu_after" -v hz="$CLK_TCK" -v n="$ok" \
    'BEGIN { printf "%.3f", (n > 0 && b >= a) ? (b - a) * 1000 / hz / n : 0 }')"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$kind" "$rps" "$tps" \
    "$(to_ms "$p50")" "$(to_ms "$p99")" "$reqs" "$ok" "$non2xx" "$errs" "$statuses" "$acked" "$added" "$missing" "$extra" \
    "$cpu_per_tip" >> "$TMP/results.tsv"
  note "$name: $(printf '%.0f' "$rps") req/s, $ok 2xx, $non2xx non-2xx, $errs socket errors; rows added $added for $acked acknowledged (warm-up included)"
  if [ "$missing" -gt 0 ]; then note "DURABILITY MISMATCH: $name: $missing acknowledged tips are not rows in 'tips'."; fi
}

server_log_excerpt() {  # server_log_excerpt LOG_NAME: first warn/error lines of that run
  local f="$TMP/antq-$1.log"
  [ -s "$f" ] || return 0
  local n; n="$(grep -vc '"msg":"web_root_missing"' "$f" || true)"
  [ "$n" -gt 0 ] || return 0
  note "server log ($1): $n line(s), first ones:"
  grep -v '"msg":"web_root_missing"' "$f" | head -n 5 | cut -c1-300 >&2
  echo "$1: $n log line(s): $(grep -v '"msg":"web_root_missing"' "$f" | head -n 3 | cut -c1-200 | tr '\n' ' ')" >> "$TMP/server-logs.txt"
}

: > "$TMP/results.tsv"
: > "$TMP/server-logs.txt"
BUSY_BEFORE="$(cpu_busy 2>/dev/null || echo 0)"
if [ "$BUSY_BEFORE" -gt 20 ]; then
  note "warning: the CPUs were ${BUSY_BEFORE}% busy with other work just before the run; the numbers will be noisy."
fi

# ---------------------------------------------------------------- raw SQLite reference
# One writer before and after antq on SQLite (the ratio uses the mean: fsync cost on a shared
# disk drifts), contending writers once.
RAW_BEFORE=""
RAW_AFTER=""
RAW_SINGLE=""
RAW_CONTENDED=""
RAW_THREADS=4
RAW_SPREAD=0
raw_field() { sed -n "s/^RESULT .*$2=\([^ ]*\).*/\1/p" "$1"; }
if [ "$RUN_SQLITE" = 1 ]; then
  note "raw SQLite reference: ${RAW_SECONDS} s one writer, ${RAW_SECONDS} s $RAW_THREADS contending writers"
  "$RAW_BIN" --dir "$TMP" --seconds "$RAW_SECONDS" --threads "$RAW_THREADS" > "$TMP/raw.txt" ||
    { cat "$TMP/raw.txt" >&2; die "antq_bench_sqlite_insert failed."; }
  sed '/^RESULT /d' "$TMP/raw.txt" >&2
  RAW_BEFORE="$(raw_field "$TMP/raw.txt" single_writer_rps)"
  RAW_CONTENDED="$(raw_field "$TMP/raw.txt" contended_rps)"
  RAW_SQLITE_VERSION="$(raw_field "$TMP/raw.txt" sqlite_version)"
  [ -n "$RAW_BEFORE" ] && [ -n "$RAW_CONTENDED" ] || die "could not parse antq_bench_sqlite_insert output."
fi

# ---------------------------------------------------------------- antq on SQLite
if [ "$RUN_SQLITE" = 1 ]; then
  DB="$TMP/antq.db"
  printf '%s\n' "$ADMIN_PASSWORD" | antq_cmd init --db "sqlite:$DB" --admin-password-stdin >"$TMP/init.log" 2>&1 ||
    { cat "$TMP/init.log" >&2; die "antq init (SQLite) failed."; }
  antq_cmd seed demo --db "sqlite:$DB" >>"$TMP/init.log" 2>&1 || { cat "$TMP/init.log" >&2; die "antq seed demo (SQLite) failed."; }
  start_antq "sqlite:$DB" sqlite
  note "antq on 127.0.0.1:$SERVER_PORT, SQLite, worker_threads=${ANTQ_WORKER_THREADS:-default} db_readers=${ANTQ_DB_READERS:-default}"
  bench_intake "antq SQLite" sqlite "$DB"
  server_log_excerpt sqlite

  note "raw SQLite reference again: ${RAW_SECONDS} s one writer"
  "$RAW_BIN" --dir "$TMP" --seconds "$RAW_SECONDS" --single-only > "$TMP/raw-after.txt" ||
    { cat "$TMP/raw-after.txt" >&2; die "antq_bench_sqlite_insert failed."; }
  sed '/^RESULT /d' "$TMP/raw-after.txt" | tail -n +2 >&2
  RAW_AFTER="$(raw_field "$TMP/raw-after.txt" single_writer_rps)"
  [ -n "$RAW_AFTER" ] || die "could not parse antq_bench_sqlite_insert output."
  RAW_SINGLE="$(awk -v a="$RAW_BEFORE" -v b="$RAW_AFTER" 'BEGIN { printf "%.1f", (a + b) / 2 }')"
  RAW_SPREAD="$(awk -v a="$RAW_BEFORE" -v b="$RAW_AFTER" 'BEGIN { d = a - b; if (d < 0) d = -d; printf "%.0f", (a + b > 0) ? 200 * d / (a + b) : 0 }')"
fi

# ---------------------------------------------------------------- antq on PostgreSQL
PG_SOURCE=""
PG_FSYNC=""
PG_SYNC_COMMIT=""
PG_VERSION=""
if [ "$RUN_PG" = 1 ]; then
  if [ -n "${ANTQ_TEST_PG_URL:-}" ]; then
    PG_URL="$ANTQ_TEST_PG_URL"
    PG_SOURCE="ANTQ_TEST_PG_URL"
  else
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
    [ -x "$PGBIN/initdb" ] || die "PostgreSQL server binaries not found (run scripts/install-deps.sh), or set ANTQ_TEST_PG_URL."
    PG_DIR="$(mktemp -d /tmp/antq-tips-bench-pg.XXXXXX)"
    PG_RUN=()
    if [ "$(id -u)" -eq 0 ]; then  # initdb refuses to run as root
      id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
      chown postgres "$PG_DIR"
      PG_RUN=(runuser -u postgres --)
    fi
    "${PG_RUN[@]}" "$PGBIN/initdb" -D "$PG_DIR/data" -U antq -A trust -E UTF8 --locale=C.UTF-8 >"$TMP/initdb.log" 2>&1 ||
      { cat "$TMP/initdb.log" >&2; die "initdb failed."; }
    pg_port=""
    for _ in $(seq 1 10); do
      p=$((20000 + RANDOM % 12000))
      if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then continue; fi
      # Durable defaults (fsync, synchronous_commit, full_page_writes all on); room for the pools.
      if "${PG_RUN[@]}" "$PGBIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
           -o "-h 127.0.0.1 -p $p -k $PG_DIR -c max_connections=200" start >/dev/null 2>&1; then
        pg_port=$p
        break
      fi
    done
    [ -n "$pg_port" ] || { cat "$PG_DIR/server.log" >&2 2>/dev/null || true; die "PostgreSQL did not start."; }
    "${PG_RUN[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$pg_port" -U antq antq_bench
    PG_URL="postgresql://antq@127.0.0.1:$pg_port/antq_bench"
    PG_SOURCE="private cluster"
  fi
  PG_VERSION="$("$PSQL" "$PG_URL" -XtAqc 'SHOW server_version' | awk '{print $1}')"
  PG_FSYNC="$("$PSQL" "$PG_URL" -XtAqc 'SHOW fsync')"
  PG_SYNC_COMMIT="$("$PSQL" "$PG_URL" -XtAqc 'SHOW synchronous_commit')"
  note "PostgreSQL $PG_VERSION ($PG_SOURCE): fsync=$PG_FSYNC synchronous_commit=$PG_SYNC_COMMIT"
  if [ "$PG_FSYNC" != on ] || [ "$PG_SYNC_COMMIT" = off ]; then
    note "warning: this PostgreSQL is not durable (fsync=$PG_FSYNC, synchronous_commit=$PG_SYNC_COMMIT): its figures are not comparable."
  fi
  # The data key would default to ./data/antq.key: keep it in the temp dir.
  PG_KEY="$TMP/antq-pg.key"
  printf '%s\n' "$ADMIN_PASSWORD" | antq_cmd ANTQ_DATA_KEY_FILE="$PG_KEY" init --db "$PG_URL" --admin-password-stdin >"$TMP/init-pg.log" 2>&1 ||
    { cat "$TMP/init-pg.log" >&2; die "antq init (PostgreSQL) failed."; }
  antq_cmd ANTQ_DATA_KEY_FILE="$PG_KEY" seed demo --db "$PG_URL" >>"$TMP/init-pg.log" 2>&1 ||
    { cat "$TMP/init-pg.log" >&2; die "antq seed demo (PostgreSQL) failed."; }
  for pool in $PG_POOLS; do
    start_antq "$PG_URL" "pg$pool" ANTQ_DATA_KEY_FILE="$PG_KEY" ANTQ_DB_POOL_SIZE="$pool"
    note "antq on 127.0.0.1:$SERVER_PORT, PostgreSQL, ANTQ_DB_POOL_SIZE=$pool"
    bench_intake "antq PostgreSQL pool $pool" postgres "$PG_URL"
    server_log_excerpt "pg$pool"
  done
  stop_pg
fi

# ---------------------------------------------------------------- report
CPU_MODEL="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)"
GIT_REV="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git -C "$ROOT" status --porcelain -- server 2>/dev/null)" ]; then GIT_REV="$GIT_REV+dirty"; fi
NOW="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
FS_TYPE="$(df -T "$TMP" 2>/dev/null | awk 'NR == 2 {print $2}')"

SQLITE_TPS="$(awk -F'\t' '$2 == "sqlite" {print $4}' "$TMP/results.tsv")"
SQLITE_MISSING="$(awk -F'\t' '$2 == "sqlite" {print $14}' "$TMP/results.tsv")"
SQLITE_VERDICT="not measured"
if [ -n "$SQLITE_TPS" ]; then
  if awk -v t="$SQLITE_TPS" -v g="$TARGET_TIPS" 'BEGIN { exit !(t >= g) }' && [ "${SQLITE_MISSING:-0}" = 0 ]; then
    SQLITE_VERDICT="PASS"
  else
    SQLITE_VERDICT="FAIL"
  fi
fi
BEST_PG="$(awk -F'\t' '$2 == "postgres" && $4 + 0 > best { best = $4 + 0; name = $1 } END { print name }' "$TMP/results.tsv")"

echo
echo "ANTQ tip intake benchmark — $NOW — $(nproc) CPU(s) ${CPU_MODEL:+($CPU_MODEL)}, shared by server, database and wrk"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency --timeout $WRK_TIMEOUT (after $WARMUP warm-up), POST /api/v1/public/tips, loopback, keep-alive;"
echo "antq $GIT_REV, ANTQ_PUBLIC_RATE_LIMIT=off ANTQ_PUBLIC_CHALLENGE=off ANTQ_LOG_LEVEL=warn; data on ${FS_TYPE:-?} ($TMP)"
[ -z "$RAW_SINGLE" ] || echo "SQLite ${RAW_SQLITE_VERSION:-}: WAL + synchronous=FULL (a 201 is on disk); the server groups concurrent writes into one commit"
if [ "$RUN_PG" = 1 ]; then
  PG_NOTE=""
  if [ "$PG_FSYNC" != on ] || [ "$PG_SYNC_COMMIT" = off ]; then PG_NOTE=" — NOT DURABLE: its figures are not comparable"; fi
  echo "PostgreSQL $PG_VERSION ($PG_SOURCE): fsync=$PG_FSYNC synchronous_commit=$PG_SYNC_COMMIT$PG_NOTE"
fi
if [ -n "$RAW_SINGLE" ]; then
  echo "ratio = durable tips/s (2xx/s) ÷ raw SQLite single-writer rows/s ($(printf '%.0f' "$RAW_SINGLE"), mean of the runs before and after antq on SQLite:"
  echo "        same durability, one row per transaction, same disk, same run)"
fi
echo "CPU/tip = antq's CPU time (all threads, user + system) during the measured run ÷ 2xx; PostgreSQL's own CPU is not in it"
echo "CPU busy with other work just before the run: ${BUSY_BEFORE}%"
echo
awk -F'\t' -v raw="$RAW_SINGLE" -v before="$RAW_BEFORE" -v after="$RAW_AFTER" -v cont="$RAW_CONTENDED" -v rt="$RAW_THREADS" 'BEGIN {
    fmt = "%-32s | %9s | %9s | %9s | %9s | %8s | %9s | %s\n"
    printf fmt, "target", "req/s", "2xx/s", "p50", "p99", "ratio", "CPU/tip", "rows = every 2xx?"
    printf "%s\n", "---------------------------------+-----------+-----------+-----------+-----------+----------+-----------+------------------"
    if (raw != "") {
      printf "%-32s | %9s | %9.0f | %9s | %9s | %8.2f | %9s | %s\n", "raw SQLite, 1 writer (before)", "-", before, "-", "-", before / raw, "-", "checked"
      printf "%-32s | %9s | %9.0f | %9s | %9s | %8.2f | %9s | %s\n", "raw SQLite, 1 writer (after)", "-", after, "-", "-", after / raw, "-", "checked"
      printf "%-32s | %9s | %9.0f | %9s | %9s | %8.2f | %9s | %s\n", "raw SQLite, " rt " writers contending", "-", cont, "-", "-", (raw > 0 ? cont / raw : 0), "-", "checked"
    }
  }
  { check = ($14 > 0) ? sprintf("NO: %d MISSING", $14) : sprintf("yes (%d rows, +%d in flight)", $13, $15)
    ratio = (raw != "" && raw > 0) ? sprintf("%8.2f", $4 / raw) : "       -"
    printf "%-32s | %9.0f | %9.0f | %7.2fms | %7.2fms | %s | %7.3fms | %s\n", $1, $3, $4, $5, $6, ratio, $16, check
    if ($9 > 0 || $10 > 0) notes = notes sprintf("  %s: %d non-2xx (%s), %d socket errors\n", $1, $9, $11, $10) }
  END { if (notes != "") printf "\nerrors during the runs:\n%s", notes }' "$TMP/results.tsv"
if [ -s "$TMP/server-logs.txt" ]; then echo; echo "server logged at warn or above:"; sed 's/^/  /' "$TMP/server-logs.txt"; fi
if awk -F'\t' '$14 > 0 { found = 1 } END { exit !found }' "$TMP/results.tsv"; then
  echo
  echo "DURABILITY MISMATCH: acknowledged tips missing from the table (see 'rows = every 2xx?')."
fi
if [ -n "$RAW_SINGLE" ]; then
  echo
  if [ "$RAW_SPREAD" -gt 25 ]; then
    echo "NOISY: the raw SQLite runs before and after differ by ${RAW_SPREAD}% — fsync cost moved (disk shared with other work); rerun on a quiet machine before trusting the ratio."
  else
    echo "raw SQLite before/after differ by ${RAW_SPREAD}% (noise indication)."
  fi
fi
echo
if [ -n "$SQLITE_TPS" ]; then
  echo "SQLite target: $(printf '%.0f' "$SQLITE_TPS") durable tips/s vs >= $TARGET_TIPS — $SQLITE_VERDICT"
fi
[ -z "$BEST_PG" ] || echo "PostgreSQL: best run '$BEST_PG'."

mkdir -p "$RESULTS_DIR"
{
  printf '{\n'
  printf '  "generated_at": "%s",\n' "$NOW"
  printf '  "machine": {"cpus": %s, "cpu_model": "%s", "kernel": "%s", "filesystem": "%s", "cpu_busy_before_pct": %s},\n' \
    "$(nproc)" "${CPU_MODEL//\"/}" "$(uname -r)" "${FS_TYPE:-}" "$BUSY_BEFORE"
  printf '  "antq": {"binary": "%s", "revision": "%s", "worker_threads": "%s", "db_readers": "%s"},\n' \
    "$ANTQ_SRC_BIN" "$GIT_REV" "${ANTQ_WORKER_THREADS:-default}" "${ANTQ_DB_READERS:-default}"
  printf '  "wrk": {"threads": %s, "connections": %s, "duration": "%s", "warmup": "%s", "timeout": "%s"},\n' \
    "$THREADS" "$CONNECTIONS" "$DURATION" "$WARMUP" "$WRK_TIMEOUT"
  if [ -n "$RAW_SINGLE" ]; then
    printf '  "raw_sqlite": {"version": "%s", "journal_mode": "wal", "synchronous": "full", "rows_per_transaction": 1, "seconds": %s, "single_writer_rps": %s, "single_writer_rps_before": %s, "single_writer_rps_after": %s, "spread_pct": %s, "contended_threads": %s, "contended_rps": %s},\n' \
      "${RAW_SQLITE_VERSION:-}" "$RAW_SECONDS" "$RAW_SINGLE" "$RAW_BEFORE" "$RAW_AFTER" "$RAW_SPREAD" "$RAW_THREADS" "$RAW_CONTENDED"
  else
    printf '  "raw_sqlite": null,\n'
  fi
  if [ "$RUN_PG" = 1 ]; then
    printf '  "postgresql": {"version": "%s", "source": "%s", "fsync": "%s", "synchronous_commit": "%s", "pool_sizes": "%s", "best": "%s"},\n' \
      "$PG_VERSION" "$PG_SOURCE" "$PG_FSYNC" "$PG_SYNC_COMMIT" "$PG_POOLS" "$BEST_PG"
  else
    printf '  "postgresql": null,\n'
  fi
  printf '  "target": {"sqlite_durable_tips_per_sec": %s, "measured": %s, "verdict": "%s"},\n' \
    "$TARGET_TIPS" "${SQLITE_TPS:-null}" "$SQLITE_VERDICT"
  printf '  "results": [\n'
  awk -F'\t' -v raw="$RAW_SINGLE" '{
    printf "%s    {\"target\": \"%s\", \"database\": \"%s\", \"requests_per_sec\": %.2f, \"durable_2xx_per_sec\": %.2f, \"p50_ms\": %.2f, \"p99_ms\": %.2f, \"requests\": %d, \"ok_2xx\": %d, \"non_2xx\": %d, \"socket_errors\": %d, \"non_2xx_statuses\": \"%s\", \"acknowledged_incl_warmup\": %d, \"rows_added\": %d, \"missing_rows\": %d, \"extra_rows_in_flight\": %d, \"antq_cpu_ms_per_tip\": %.3f, \"ratio_to_raw_sqlite\": %s}",
      (NR > 1 ? ",\n" : ""), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
      (raw != "" && raw > 0) ? sprintf("%.3f", $4 / raw) : "null" }
    END { printf "\n" }' "$TMP/results.tsv"
  printf '  ]\n}\n'
} > "$RESULTS_DIR/tips-latest.json.tmp"
mv "$RESULTS_DIR/tips-latest.json.tmp" "$RESULTS_DIR/tips-latest.json"
echo
echo "written: ${RESULTS_DIR#"$ROOT"/}/tips-latest.json"
exit 0
