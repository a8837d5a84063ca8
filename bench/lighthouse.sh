#!/usr/bin/env bash
# Web page weight and speed (make bench; issue 17). Not a test: it exits 0 once the measurements
# ran, whatever the numbers (OVER is printed, not failed); non-zero only when it could not run.
#
# Builds nothing: serves the web build in ANTQ_WEB_ROOT (default web/dist, built by `make web`
# or `cd web && npm run build`) with the server ANTQ_BIN (default build/antq), on a throw-away
# SQLite database with the demo data (`antq init` + `antq seed demo`) and four staff accounts of
# Xã Sơn Tịnh (21220), then runs bench/lighthouse.mjs:
#   public pages  Lighthouse 12.2.3 (web/node_modules) with its default mobile profile (simulated
#                 throttling) on /gui-tin-bao, /tra-cuu-tin-bao, /tin-tuc?unit=21220, /tin-tuc/1, in
#                 Debian's Chromium (headless, --no-sandbox); BENCH_LH_RUNS runs each (3), the
#                 median run by score. Budgets: performance ≥ 90, LCP ≤ 2.0 s, JS ≤ 100 KB gzip.
#   staff app     playwright-core in the same Chromium: the login page, then each account's first
#                 page after login (its main heading visible); the JavaScript requested until then,
#                 as the server sends it gzip-compressed. Budget ≤ 300 KB gzip.
# Knobs: ANTQ_BIN, ANTQ_WEB_ROOT, ANTQ_CHROMIUM (/usr/bin/chromium), BENCH_LH_RUNS (3),
# BENCH_LH_PAGES (space-separated paths instead of the four). Writes
# bench/results/lighthouse-latest.json and each page's median Lighthouse report in
# bench/results/lighthouse/ (git-ignored).
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
ANTQ_BIN="${ANTQ_BIN:-$ROOT/build/antq}"
WEB_ROOT="${ANTQ_WEB_ROOT:-$ROOT/web/dist}"
CHROMIUM="${ANTQ_CHROMIUM:-/usr/bin/chromium}"
STAFF_PASSWORD="bench-mat-khau-2025"
# username role unit: a Front officer (the workspace), a commune police officer (the tips inbox),
# a village officer (the quick activity form), a member of the province's steering committee (reports)
STAFF_ACCOUNTS=(
  "bench.mattran front_officer 21220"
  "bench.congan police_officer 21220"
  "bench.thon village_officer 21220-001"
  "bench.bcd steering 51"
)

die() { echo "bench lighthouse: $*" >&2; exit 2; }
note() { echo "bench lighthouse: $*" >&2; }
command -v node >/dev/null || die "node not found."
[ -x "$ANTQ_BIN" ] || die "server binary $ANTQ_BIN not found (make build)."
[ -f "$WEB_ROOT/index.html" ] || die "no web build in $WEB_ROOT (cd web && npm run build)."
WEB_ROOT="$(cd "$WEB_ROOT" && pwd)"
[ -x "$CHROMIUM" ] || die "$CHROMIUM not found (apt-get install chromium)."
[ -d "$ROOT/web/node_modules/lighthouse" ] || die "web/node_modules/lighthouse not found (cd web && npm ci)."

TMP="$(mktemp -d "${TMPDIR:-/tmp}/antq-bench-lighthouse.XXXXXX")"
cp "$ANTQ_BIN" "$TMP/antq"  # a private copy: a rebuild during the run changes nothing
ANTQ="$TMP/antq"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'echo; note "interrupted"; exit 130' INT
trap 'exit 143' TERM

DB="sqlite:$TMP/antq.db"
"$ANTQ" init --db "$DB" >/dev/null 2>"$TMP/init.log" || { cat "$TMP/init.log" >&2; die "antq init failed."; }
"$ANTQ" seed demo --db "$DB" >/dev/null 2>"$TMP/seed.log" || { cat "$TMP/seed.log" >&2; die "antq seed demo failed."; }
USERNAMES=()
for line in "${STAFF_ACCOUNTS[@]}"; do
  read -r name role unit <<<"$line"
  printf '%s\n' "$STAFF_PASSWORD" | "$ANTQ" user add "$name" --role "$role" --unit "$unit" --db "$DB" --password-stdin \
    >/dev/null 2>>"$TMP/users.log" || { cat "$TMP/users.log" >&2; die "antq user add $name failed."; }
  USERNAMES+=("$name")
done

# the public rate limit is off: a Lighthouse run loads each page many times from one address
: > "$TMP/antq.out"
(cd "$TMP" && exec env -u ANTQ_CONFIG ANTQ_LOG_LEVEL=warn ANTQ_PUBLIC_RATE_LIMIT=off \
  "$ANTQ" serve --db "$DB" --listen 127.0.0.1:0 --web-root "$WEB_ROOT" >"$TMP/antq.out" 2>"$TMP/antq.log") &
SERVER_PID=$!
PORT=""
for _ in $(seq 150); do
  kill -0 "$SERVER_PID" 2>/dev/null || break
  PORT="$(sed -n 's/^antq: listening on http:\/\/127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$TMP/antq.out")"
  [ -n "$PORT" ] && break
  sleep 0.1
done
if [ -z "$PORT" ]; then
  tail -n 20 "$TMP/antq.log" >&2 || true
  die "antq serve did not start."
fi

mkdir -p "$BENCH_DIR/results"
ANTQ_CHROMIUM="$CHROMIUM" BENCH_STAFF_PASSWORD="$STAFF_PASSWORD" BENCH_WEB_ROOT="$WEB_ROOT" \
  node "$BENCH_DIR/lighthouse.mjs" "http://127.0.0.1:$PORT" "${USERNAMES[@]}"
