#!/usr/bin/env bash
# Logins per second with ANTQ's Argon2id parameters, and what a login flood does to everyone
# else: p99 of GET /healthz with no flood and during one, in the same run (make bench).
# The per-address login limit is switched off here (ANTQ_LOGIN_ATTEMPTS_PER_MINUTE=0) so the flood
# reaches the hashing; on a real server it would be cut at 20 attempts a minute per address.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ANTQ_BIN="${ANTQ_BIN:-$ROOT/build/antq}"
DURATION="${BENCH_DURATION:-8s}"
WRK="$(command -v wrk)" || { echo "login_flood: wrk not found" >&2; exit 2; }
TMP="$(mktemp -d /tmp/antq-login-bench.XXXXXX)"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

PASSWORD="bench-login-password-$RANDOM$RANDOM"
echo "$PASSWORD" | "$ANTQ_BIN" init --db "sqlite:$TMP/antq.db" --admin-password-stdin >/dev/null
(cd "$TMP" && exec env ANTQ_LOG_LEVEL=warn ANTQ_LOGIN_ATTEMPTS_PER_MINUTE=0 \
   "$ANTQ_BIN" serve --db "sqlite:$TMP/antq.db" --listen 127.0.0.1:0 >"$TMP/out" 2>"$TMP/err") &
SERVER_PID=$!
PORT=""
for _ in $(seq 100); do
  PORT="$(sed -n 's/^antq: listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$TMP/out")"
  [ -n "$PORT" ] && break
  sleep 0.1
done
[ -n "$PORT" ] || { cat "$TMP/err" >&2; exit 2; }
BASE="http://127.0.0.1:$PORT"

cat > "$TMP/login.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"username":"admin","password":"$PASSWORD"}'
wrk.headers["Content-Type"] = "application/json"
LUA

rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
p99() { awk '$1 == "99%" {print $2; exit}' "$1"; }
non2xx() { awk '/Non-2xx or 3xx responses:/ {print $NF}' "$1"; }

echo "login_flood: measuring (about 40 s)…" >&2
"$WRK" -t1 -c16 -d2s "$BASE/healthz" >/dev/null
"$WRK" -t1 -c16 -d"$DURATION" --latency "$BASE/healthz" > "$TMP/healthz-alone.txt"
"$WRK" -t1 -c8 -d"$DURATION" -s "$TMP/login.lua" "$BASE/api/v1/auth/login" > "$TMP/login-alone.txt"
# The flood runs a little longer than the healthz measurement, which starts once it is under way.
"$WRK" -t1 -c8 -d12s -s "$TMP/login.lua" "$BASE/api/v1/auth/login" > "$TMP/login-flood.txt" &
FLOOD=$!
sleep 2
"$WRK" -t1 -c16 -d"$DURATION" --latency "$BASE/healthz" > "$TMP/healthz-flood.txt"
wait "$FLOOD"

printf '\nANTQ login benchmark — %s — %s CPU(s); Argon2id = libsodium "interactive" (64 MiB, 2 passes)\n' \
  "$(date -u +%FT%TZ)" "$(nproc)"
printf '%-44s | %12s | %10s\n' "measurement" "req/s" "p99"
printf -- '---------------------------------------------+--------------+-----------\n'
printf '%-44s | %12s | %10s\n' "POST /api/v1/auth/login alone (8 conns)" "$(rps "$TMP/login-alone.txt")" "-"
printf '%-44s | %12s | %10s\n' "GET /healthz, no flood (16 conns)" "$(rps "$TMP/healthz-alone.txt")" "$(p99 "$TMP/healthz-alone.txt")"
printf '%-44s | %12s | %10s\n' "GET /healthz during a login flood" "$(rps "$TMP/healthz-flood.txt")" "$(p99 "$TMP/healthz-flood.txt")"
printf '%-44s | %12s | %10s\n' "POST /api/v1/auth/login during that" "$(rps "$TMP/login-flood.txt")" "-"
[ -n "$(non2xx "$TMP/login-alone.txt")" ] && echo "note: $(non2xx "$TMP/login-alone.txt") login answers were not 2xx" >&2
exit 0
