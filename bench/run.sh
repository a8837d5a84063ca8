#!/usr/bin/env bash
# ANTQ HTTP benchmark (make bench). Not a test: it always exits 0 once the
# measurements ran, whatever the numbers; it exits non-zero only when the
# benchmark itself could not run (tool missing, server or nginx did not start).
#
# Measures with wrk (default -t2 -c64 -d10s --latency, after a short warm-up):
#   nginx   GET /healthz.json  (private nginx, ~55-byte static file, keep-alive;
#                               measured before and after antq, ratios use the mean)
#   antq    GET /healthz                (answered on the I/O thread)
#   antq    GET /api/v1/units/21220     (SQLite read on the worker pool)
# once with ANTQ_LOG_LEVEL=warn (no per-request log lines) and once with
# ANTQ_LOG_LEVEL=info (the default; one JSON line per request, stderr -> file).
# Prints a table and writes bench/results/latest.json. About 90 s in all.
#
# Knobs (environment): BENCH_DURATION=10s BENCH_WARMUP=2s BENCH_CONNECTIONS=64
# BENCH_THREADS=2 BENCH_UNIT=21220 BENCH_LOG_LEVELS="warn info"
# BENCH_NGINX_WORKERS=auto ANTQ_BIN=build/antq; ANTQ_IO_THREADS and
# ANTQ_WORKER_THREADS are passed through to the server.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"

DURATION="${BENCH_DURATION:-10s}"
WARMUP="${BENCH_WARMUP:-2s}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
THREADS="${BENCH_THREADS:-2}"
UNIT="${BENCH_UNIT:-21220}"
LOG_LEVELS="${BENCH_LOG_LEVELS:-warn info}"
NGINX_WORKERS="${BENCH_NGINX_WORKERS:-auto}"
ANTQ_BIN="${ANTQ_BIN:-$ROOT/build/antq}"
TARGET_RATIO="0.5"
RESULTS_DIR="$BENCH_DIR/results"

die() { echo "bench: $*" >&2; exit 2; }
note() { echo "bench: $*" >&2; }

# ---------------------------------------------------------------- tools
WRK="$(command -v wrk || true)"
[ -n "$WRK" ] || die "wrk not found (run 'make deps' or scripts/install-deps.sh)."
NGINX="$(command -v nginx || true)"
if [ -z "$NGINX" ] && [ -x /usr/sbin/nginx ]; then NGINX=/usr/sbin/nginx; fi
[ -n "$NGINX" ] || die "nginx not found (run 'make deps' or scripts/install-deps.sh)."
if [ ! -x "$ANTQ_BIN" ]; then
  if [ -f "$ROOT/build/build.ninja" ] && command -v ninja >/dev/null; then
    note "$ANTQ_BIN missing; building it."
    ninja -C "$ROOT/build" antq >&2 || die "build of antq failed."
  fi
  [ -x "$ANTQ_BIN" ] || die "server binary $ANTQ_BIN not found (run 'make build')."
fi

# ---------------------------------------------------------------- cleanup
TMP="$(mktemp -d "${TMPDIR:-/tmp}/antq-bench.XXXXXX")"
# Benchmark a private copy, so a rebuild of build/antq during the run changes nothing.
cp "$ANTQ_BIN" "$TMP/antq"
ANTQ_SRC_BIN="$ANTQ_BIN"
ANTQ_BIN="$TMP/antq"
SERVER_PID=""
NGINX_PID=""

stop_pid() {  # stop_pid PID: TERM, wait up to 5 s, then KILL.
  local pid="$1" i
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  stop_pid "$SERVER_PID"; SERVER_PID=""
  stop_pid "$NGINX_PID"; NGINX_PID=""
  rm -rf "$TMP"
}
# Background jobs of a non-interactive shell ignore SIGINT, so Ctrl-C reaches
# only wrk; the traps stop the servers explicitly.
trap cleanup EXIT
trap 'echo; note "interrupted"; cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

# ---------------------------------------------------------------- helpers
# http_status PORT PATH -> prints the status code of a plain HTTP/1.1 GET.
http_status() {
  local line=""
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$2" >&3
  IFS= read -r -t 5 line <&3 || true
  exec 3<&- 3>&-
  line="${line%$'\r'}"
  echo "${line#* }" | cut -d' ' -f1
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# to_ms VALUE_WITH_UNIT (wrk prints us, ms, s, m)
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
    printf "%.2f", n }'
}

# bench_one NAME URL: warm up, measure, append a result line to $TMP/results.tsv
# Columns: name, url, log, req/s, p99_ms, p50_ms, requests, non2xx, socket_errors
bench_one() {
  local name="$1" url="$2" log="$3" out rps p50 p99 reqs non2xx errs
  note "warm-up $name ($WARMUP)"
  "$WRK" -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null
  note "measure $name: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $url"
  out="$("$WRK" -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url")"
  printf '%s\n' "$out" > "$TMP/wrk-$(echo "$name" | tr -c 'A-Za-z0-9' '_').txt"
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2; exit}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2; exit}' <<<"$out")"
  reqs="$(awk '/requests in/ {print $1; exit}' <<<"$out")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")"
  errs="$(awk '/Socket errors:/ {s = 0; for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) s += $i; print s}' <<<"$out")"
  [ -n "$rps" ] && [ -n "$p99" ] || { printf '%s\n' "$out" >&2; die "could not parse wrk output for $name."; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$url" "$log" "$rps" "$(to_ms "$p99")" "$(to_ms "$p50")" \
    "${reqs:-0}" "${non2xx:-0}" "${errs:-0}" >> "$TMP/results.tsv"
}

# ---------------------------------------------------------------- nginx
HEALTHZ_BODY='{"status":"ok","database":"sqlite","version":"0.1.0"}'
mkdir -p "$TMP/nginx/www" "$TMP/nginx/tmp"
printf '%s' "$HEALTHZ_BODY" > "$TMP/nginx/www/healthz.json"
chmod 755 "$TMP" "$TMP/nginx" "$TMP/nginx/www"
chmod 644 "$TMP/nginx/www/healthz.json"
NGINX_USER_LINE=""
[ "$(id -u)" = 0 ] && NGINX_USER_LINE="user root;"

start_nginx() {
  local port="$1"
  cat > "$TMP/nginx/nginx.conf" <<EOF
$NGINX_USER_LINE
worker_processes $NGINX_WORKERS;
daemon off;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  client_body_temp_path $TMP/nginx/tmp/body;
  proxy_temp_path $TMP/nginx/tmp/proxy;
  fastcgi_temp_path $TMP/nginx/tmp/fastcgi;
  uwsgi_temp_path $TMP/nginx/tmp/uwsgi;
  scgi_temp_path $TMP/nginx/tmp/scgi;
  types { application/json json; }
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:$port;
    root $TMP/nginx/www;
  }
}
EOF
  "$NGINX" -p "$TMP/nginx" -e "$TMP/nginx/error.log" -c "$TMP/nginx/nginx.conf" >"$TMP/nginx/stdout.log" 2>&1 &
  NGINX_PID=$!
  local i
  for i in $(seq 50); do
    kill -0 "$NGINX_PID" 2>/dev/null || break
    if [ "$(http_status "$port" /healthz.json 2>/dev/null)" = 200 ]; then return 0; fi
    sleep 0.1
  done
  stop_pid "$NGINX_PID"; NGINX_PID=""
  return 1
}

NGINX_PORT=""
for attempt in 1 2 3 4 5 6 7 8; do
  p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
  port_in_use "$p" && continue
  if start_nginx "$p"; then NGINX_PORT="$p"; break; fi
done
if [ -z "$NGINX_PORT" ]; then
  cat "$TMP/nginx/error.log" "$TMP/nginx/stdout.log" >&2 2>/dev/null || true
  die "private nginx did not start."
fi
note "nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///') on 127.0.0.1:$NGINX_PORT (worker_processes $NGINX_WORKERS)"

# ---------------------------------------------------------------- antq
DB="$TMP/antq.db"
printf 'bench-secret-phrase-%s\n' "$RANDOM$RANDOM" |
  "$ANTQ_BIN" init --db "sqlite:$DB" --admin-password-stdin >"$TMP/init.log" 2>&1 ||
  { cat "$TMP/init.log" >&2; die "antq init failed."; }
"$ANTQ_BIN" seed demo --db "sqlite:$DB" >>"$TMP/init.log" 2>&1 ||
  { cat "$TMP/init.log" >&2; die "antq seed demo failed."; }

SERVER_PORT=""
start_antq() {  # start_antq LOG_LEVEL
  local level="$1" i
  : > "$TMP/antq.out"
  # Run from the temp dir with ANTQ_CONFIG unset so no local antq.toml leaks in;
  # point it at the built web UI (if any) as `make run` would find it.
  local web=()
  [ -d "$ROOT/web/dist" ] && web=(ANTQ_WEB_ROOT="$ROOT/web/dist")
  (cd "$TMP" && exec env -u ANTQ_CONFIG "${web[@]}" ANTQ_LOG_LEVEL="$level" \
    "$ANTQ_BIN" serve --db "sqlite:$DB" --listen 127.0.0.1:0 >"$TMP/antq.out" 2>"$TMP/antq-$level.log") &
  SERVER_PID=$!
  SERVER_PORT=""
  for i in $(seq 100); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    SERVER_PORT="$(sed -n 's/^antq: listening on http:\/\/127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$TMP/antq.out")"
    [ -n "$SERVER_PORT" ] && break
    sleep 0.1
  done
  if [ -z "$SERVER_PORT" ]; then
    tail -n 20 "$TMP/antq-$level.log" >&2 || true
    die "antq serve did not start (log level $level)."
  fi
  local path
  for path in /healthz "/api/v1/units/$UNIT"; do
    local st; st="$(http_status "$SERVER_PORT" "$path" || true)"
    [ "$st" = 200 ] || die "antq GET $path answered '${st:-nothing}', expected 200."
  done
}

# ---------------------------------------------------------------- runs
# CPU use by other processes over one second before the run (0-100 %).
cpu_busy() {
  local a b
  a="$(head -n1 /proc/stat)"; sleep 1; b="$(head -n1 /proc/stat)"
  awk -v a="$a" -v b="$b" 'BEGIN {
    n = split(a, x, " "); split(b, y, " "); t = 0
    for (i = 2; i <= n; i++) t += y[i] - x[i]
    idle = (y[5] - x[5]) + (y[6] - x[6])
    printf "%.0f", (t > 0) ? 100 * (t - idle) / t : 0 }'
}
BUSY_BEFORE="$(cpu_busy 2>/dev/null || echo 0)"
if [ "$BUSY_BEFORE" -gt 20 ]; then
  note "warning: the CPUs were ${BUSY_BEFORE}% busy with other work just before the run; the numbers will be noisy."
fi
: > "$TMP/results.tsv"
# nginx is measured before and after antq; the ratio uses the mean of the two.
bench_one "nginx static (before)" "http://127.0.0.1:$NGINX_PORT/healthz.json" "-"
for level in $LOG_LEVELS; do
  start_antq "$level"
  note "antq on 127.0.0.1:$SERVER_PORT, ANTQ_LOG_LEVEL=$level (stderr -> file), io_threads=${ANTQ_IO_THREADS:-2 (default)}, worker_threads=${ANTQ_WORKER_THREADS:-4 (default)}"
  bench_one "antq /healthz" "http://127.0.0.1:$SERVER_PORT/healthz" "$level"
  bench_one "antq /api/v1/units/$UNIT" "http://127.0.0.1:$SERVER_PORT/api/v1/units/$UNIT" "$level"
  log_bytes="$(wc -c < "$TMP/antq-$level.log")"
  note "antq stderr log at $level: $log_bytes bytes"
  if [ "$level" != info ] && [ "$log_bytes" -gt 0 ]; then
    note "antq logged at $level (first lines):"; head -n 5 "$TMP/antq-$level.log" | cut -c1-300 >&2
  fi
  stop_pid "$SERVER_PID"; SERVER_PID=""
done
bench_one "nginx static (after)" "http://127.0.0.1:$NGINX_PORT/healthz.json" "-"
stop_pid "$NGINX_PID"; NGINX_PID=""

# ---------------------------------------------------------------- report
NGINX_RPS="$(awk -F'\t' '$3 == "-" { s += $4; n++ } END { printf "%.2f", (n ? s / n : 0) }' "$TMP/results.tsv")"
# Add ratio and verdict columns.
awk -F'\t' -v OFS='\t' -v base="$NGINX_RPS" -v target="$TARGET_RATIO" '{
  ratio = (base > 0) ? $4 / base : 0
  verdict = ($3 == "-") ? "reference" : (ratio >= target ? "PASS" : "BELOW TARGET")
  if ($3 != "-" && ($8 > 0 || $9 > 0)) verdict = verdict " (errors)"
  print $0, sprintf("%.3f", ratio), verdict }' "$TMP/results.tsv" > "$TMP/final.tsv"

CPU_MODEL="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)"
GIT_REV="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git -C "$ROOT" status --porcelain -- server 2>/dev/null)" ]; then GIT_REV="$GIT_REV+dirty"; fi
NOW="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

echo
echo "ANTQ HTTP benchmark — $NOW — $(nproc) CPU(s) ${CPU_MODEL:+($CPU_MODEL)}, shared by server and wrk"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after ${WARMUP} warm-up), loopback, keep-alive; antq $GIT_REV io_threads=${ANTQ_IO_THREADS:-2} worker_threads=${ANTQ_WORKER_THREADS:-4}"
echo "reference: nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///'), worker_processes $NGINX_WORKERS, access_log off, static $(printf '%s' "$HEALTHZ_BODY" | wc -c)-byte JSON file;"
echo "           measured before and after antq, ratio = antq req/s / mean nginx req/s ($(printf '%.0f' "$NGINX_RPS"))"
echo "CPU busy with other work just before the run: ${BUSY_BEFORE}%"
echo "log = ANTQ_LOG_LEVEL of the server (warn: no per-request lines; info: default, one JSON line per request, stderr to a file)"
echo
awk -F'\t' 'BEGIN {
    fmt = "%-30s | %-4s | %10s | %9s | %9s | %15s | %s\n"
    printf fmt, "target", "log", "req/s", "p50", "p99", "ratio to nginx", "verdict (>= 0.50)"
    printf "%s\n", "-------------------------------+------+------------+-----------+-----------+-----------------+------------------"
  }
  { printf "%-30s | %-4s | %10.0f | %7.2fms | %7.2fms | %15.2f | %s\n", $1, $3, $4, $6, $5, $10, $11
    if ($8 > 0 || $9 > 0) notes = notes sprintf("  %s (log %s): %d non-2xx responses, %d socket errors\n", $1, $3, $8, $9) }
  END { if (notes != "") printf "\nerrors during the runs:\n%s", notes }' "$TMP/final.tsv"
# The two nginx runs bracket antq; a large gap means the machine was not quiet.
NGINX_SPREAD="$(awk -F'\t' '$3 == "-" { v[++n] = $4 } END {
  if (n < 2 || v[1] + v[2] == 0) print 0; else { d = v[1] - v[2]; if (d < 0) d = -d; printf "%.0f", 200 * d / (v[1] + v[2]) } }' "$TMP/final.tsv")"
echo
if [ "$NGINX_SPREAD" -gt 15 ]; then
  echo "NOISY: the two nginx runs differ by ${NGINX_SPREAD}% — the machine was busy; rerun on an idle machine before trusting the ratios."
else
  echo "nginx before/after differ by ${NGINX_SPREAD}% (noise indication)."
fi

mkdir -p "$RESULTS_DIR"
{
  printf '{\n'
  printf '  "generated_at": "%s",\n' "$NOW"
  printf '  "machine": {"cpus": %s, "cpu_model": "%s", "kernel": "%s", "cpu_busy_before_pct": %s},\n' \
    "$(nproc)" "${CPU_MODEL//\"/}" "$(uname -r)" "$BUSY_BEFORE"
  printf '  "antq": {"binary": "%s", "revision": "%s", "io_threads": "%s", "worker_threads": "%s"},\n' \
    "$ANTQ_SRC_BIN" "$GIT_REV" "${ANTQ_IO_THREADS:-2}" "${ANTQ_WORKER_THREADS:-4}"
  printf '  "nginx": {"version": "%s", "worker_processes": "%s", "file_bytes": %s},\n' \
    "$("$NGINX" -v 2>&1 | sed 's/.*nginx\///')" "$NGINX_WORKERS" "$(printf '%s' "$HEALTHZ_BODY" | wc -c)"
  printf '  "wrk": {"threads": %s, "connections": %s, "duration": "%s", "warmup": "%s"},\n' \
    "$THREADS" "$CONNECTIONS" "$DURATION" "$WARMUP"
  printf '  "target_ratio": %s,\n' "$TARGET_RATIO"
  printf '  "nginx_reference_rps": %s,\n' "$NGINX_RPS"
  printf '  "nginx_spread_pct": %s,\n' "$NGINX_SPREAD"
  printf '  "results": [\n'
  awk -F'\t' '{
    path = $2; sub(/^http:\/\/[^\/]*/, "", path)
    printf "%s    {\"target\": \"%s\", \"path\": \"%s\", \"log_level\": %s, \"requests_per_sec\": %.2f, \"p50_ms\": %.2f, \"p99_ms\": %.2f, \"requests\": %d, \"non_2xx\": %d, \"socket_errors\": %d, \"ratio_to_nginx\": %.3f, \"verdict\": \"%s\"}",
      (NR > 1 ? ",\n" : ""), $1, path, ($3 == "-" ? "null" : "\"" $3 "\""),
      $4, $6, $5, $7, $8, $9, $10, $11 }
    END { printf "\n" }' "$TMP/final.tsv"
  printf '  ]\n}\n'
} > "$RESULTS_DIR/latest.json.tmp"
mv "$RESULTS_DIR/latest.json.tmp" "$RESULTS_DIR/latest.json"
echo
echo "written: ${RESULTS_DIR#"$ROOT"/}/latest.json"
exit 0
