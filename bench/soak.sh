#!/usr/bin/env bash
# ANTQ soak (make bench). Not a test: SOAK_MINUTES (30) of mixed, throttled traffic against one
# real `antq serve` on SQLite, to see whether memory or file descriptors grow while nothing about
# the load changes. Every minute it prints the server's VmRSS, the part of it that is mapped files
# (RssFile: the database mapped by SQLite, the binary and its libraries), the rest (VmRSS −
# RssFile: heap, thread stacks, anonymous maps), its open file descriptors (/proc/PID/fd), its
# threads and the requests it answered that minute (from its own /metrics, by class of status).
# At the end, a verdict:
#   PASS  when no "VmRSS − file" and no FD figure after the reference minute (5, or the middle of a
#         shorter run) exceeds the reference minute's figure by more than 10 %;
#   FAIL  otherwise, naming the figures.
#
# Why the verdict is on VmRSS − RssFile and not on VmRSS (both are printed):
#   RssFile is page cache mapped into the process: SQLite reads the database through a memory map
#   (mmap_size 256 MiB) and the database grows all the time (tips arrive), so VmRSS counts more of
#   the file as it grows, and it goes up or down with what the kernel keeps cached. Those pages are
#   shared, clean or written back, and reclaimable; a leak cannot hide there, because memory the
#   server allocates (malloc, new, thread stacks, an mmap of its own) is anonymous and lands in
#   VmRSS − RssFile (= RssAnon + RssShmem).
# Why the lowest figure of the minute:
#   the server is looked at every 2 s; each line shows the look with the lowest "VmRSS − file" (and
#   the lowest FD count). Memory that stays (a leak, a cache that keeps growing, an allocator that
#   keeps what it was given) raises that floor; requests in flight do not: an XLSX export being
#   built, a photo being cleaned, and above all a login, whose Argon2id hash maps 64 MiB for the
#   fraction of a second it runs (libsodium maps and unmaps it directly). "peak −file" shows the
#   highest look of the minute, so the transients stay visible.
# A 15-second burst of concurrent reads first opens every pooled reader connection, so the pool
# filling up lazily later is not mistaken for growth.
# What this run found and what was fixed: docs/decisions/0011-faults.md, "Soak".
#
# Traffic (loopback only, every loop bounded by the deadline):
#   wrk, 2 connections, ~40 req/s   POST /api/v1/public/tips (JSON, a different text each time)
#   wrk, 4 connections, ~80 req/s   staff mix with a Bearer token: lists of tips and activities,
#                                   a tip, report summaries (JSON, XLSX), exports (CSV, XLSX),
#                                   /api/v1/auth/me
#   curl loop, ~1 per 2 s           a public tip, then a 4032×3024 JPEG (≈3 MB, made here with
#                                   libjpeg) uploaded to it as a photo
#   curl loop, ~1 per 3 s           login with a password (Argon2id), /auth/me with the session
#                                   cookie, logout
# The public challenge and rate limits are off (ANTQ_PUBLIC_CHALLENGE=off
# ANTQ_PUBLIC_RATE_LIMIT=off); the per-address login limit too, the loop is slower than it anyway.
#
# Knobs (environment): SOAK_MINUTES=30  SOAK_REFERENCE_MINUTE=5  ANTQ_BIN=build/antq
# Exit: 0 once the soak ran (whatever the verdict; the verdict line says it), 2 when it could not run.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
MINUTES="${SOAK_MINUTES:-30}"
REF="${SOAK_REFERENCE_MINUTE:-5}"
ANTQ_BIN="${ANTQ_BIN:-$ROOT/build/antq}"
PASSWORD="Soak-mat-khau-$RANDOM$RANDOM"

die() { echo "soak: $*" >&2; exit 2; }
note() { echo "soak: $*" >&2; }

[[ "$MINUTES" =~ ^[0-9]+$ ]] && [ "$MINUTES" -ge 2 ] || die "SOAK_MINUTES must be a whole number >= 2."
# A short run still has minutes after its reference: the middle one.
if [ "$REF" -ge "$MINUTES" ]; then REF=$((MINUTES / 2)); fi
for tool in wrk curl cc python3 sqlite3; do command -v "$tool" >/dev/null || die "$tool not found (scripts/install-deps.sh)."; done
[ -f /usr/include/jpeglib.h ] || die "jpeglib.h not found (libjpeg62-turbo-dev, scripts/install-deps.sh)."
[ -x "$ANTQ_BIN" ] || die "server binary $ANTQ_BIN not found (run 'make build')."

TMP="$(mktemp -d "${TMPDIR:-/tmp}/antq-soak.XXXXXX")"
cp "$ANTQ_BIN" "$TMP/antq"  # a private copy: a rebuild during the soak changes nothing
SERVER_PID=""
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ -n "$SERVER_PID" ]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

# ---------------------------------------------------------------- a real-sized photo
# A phone photo's size and structure (4032×3024, baseline JPEG, quality 90): smooth gradients with
# grain, so it compresses like a photograph rather than like a flat colour.
cat > "$TMP/mkjpeg.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <jpeglib.h>
int main(int argc, char** argv) {
  const int w = 4032, h = 3024;
  FILE* out = fopen(argv[1], "wb");
  if (!out) return 1;
  struct jpeg_compress_struct c;
  struct jpeg_error_mgr err;
  c.err = jpeg_std_error(&err);
  jpeg_create_compress(&c);
  jpeg_stdio_dest(&c, out);
  c.image_width = w; c.image_height = h; c.input_components = 3; c.in_color_space = JCS_RGB;
  jpeg_set_defaults(&c);
  jpeg_set_quality(&c, 90, TRUE);
  jpeg_start_compress(&c, TRUE);
  unsigned char* row = malloc((size_t)w * 3);
  unsigned int seed = 12345;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      seed = seed * 1103515245u + 12345u;
      int grain = (int)((seed >> 16) % 24) - 12;
      int r = (x * 255 / w + grain), g = (y * 255 / h + grain), b = ((x + y) * 255 / (w + h) + grain);
      row[x * 3] = (unsigned char)(r < 0 ? 0 : r > 255 ? 255 : r);
      row[x * 3 + 1] = (unsigned char)(g < 0 ? 0 : g > 255 ? 255 : g);
      row[x * 3 + 2] = (unsigned char)(b < 0 ? 0 : b > 255 ? 255 : b);
    }
    JSAMPROW rp = row;
    jpeg_write_scanlines(&c, &rp, 1);
  }
  jpeg_finish_compress(&c);
  jpeg_destroy_compress(&c);
  fclose(out);
  free(row);
  return 0;
}
C
cc -O2 -o "$TMP/mkjpeg" "$TMP/mkjpeg.c" -ljpeg || die "could not build the JPEG maker."
"$TMP/mkjpeg" "$TMP/photo.jpg" || die "could not make the photo."
PHOTO_BYTES=$(stat -c %s "$TMP/photo.jpg")

# ---------------------------------------------------------------- the server
DB="$TMP/antq.db"
note "preparing the database (demo and tiny synthetic data)…"
(cd "$TMP" && echo "$PASSWORD" | ./antq init --db "sqlite:$DB" --admin-password-stdin >/dev/null) || die "antq init failed."
(cd "$TMP" && ./antq seed demo --db "sqlite:$DB" >/dev/null) || die "antq seed demo failed."
(cd "$TMP" && ./antq seed synthetic --scale tiny --seed 1 --db "sqlite:$DB" >/dev/null) || die "antq seed synthetic failed."
TOKEN="$(cd "$TMP" && ./antq token create admin --db "sqlite:$DB" | tail -n1)"
[ -n "$TOKEN" ] || die "no API token."

(cd "$TMP" && exec env -u ANTQ_CONFIG ANTQ_LOG_LEVEL=warn ANTQ_PUBLIC_CHALLENGE=off ANTQ_PUBLIC_RATE_LIMIT=off \
   ANTQ_LOGIN_ATTEMPTS_PER_MINUTE=0 ANTQ_ATTACHMENTS_DIR="$TMP/attachments" \
   ./antq serve --db "sqlite:$DB" --listen 127.0.0.1:0 >"$TMP/server.out" 2>"$TMP/server.log") &
SERVER_PID=$!
PORT=""
for _ in $(seq 150); do
  kill -0 "$SERVER_PID" 2>/dev/null || break
  PORT="$(sed -n 's/^antq: listening on http:\/\/127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$TMP/server.out")"
  [ -n "$PORT" ] && break
  sleep 0.2
done
[ -n "$PORT" ] || { tail -n 20 "$TMP/server.log" >&2; die "antq serve did not start."; }
BASE="http://127.0.0.1:$PORT"

# ---------------------------------------------------------------- the load
# wrk's delay() keeps each connection to about one request per DELAY ms: a soak looks for growth
# under a steady load, not for the highest rate (and the machine is shared).
cat > "$TMP/tips.lua" <<'LUA'
local texts = {
  "Có nhóm thanh niên lạ mặt tụ tập ở bãi đất trống cuối thôn vào buổi tối, nghi sử dụng trái phép chất ma túy",
  "Phát hiện người lạ thường xuyên ra vào căn nhà cho thuê đầu ngõ vào ban đêm, nghi mua bán trái phép chất ma túy",
  "Xe máy không biển số thường dừng ở quán nước ven đường, trao đổi các gói nhỏ, người dân đề nghị kiểm tra",
}
local n = 0
function delay() return 50 end
function request()
  n = n + 1
  local body = string.format('{"unit":"21220-00%d","category":"drugs","anonymous":true,"description":"%s (soak %d-%d)"}',
    1 + n % 5, texts[1 + n % #texts], math.random(1, 1000000), n)
  return wrk.format("POST", "/api/v1/public/tips", { ["Content-Type"] = "application/json" }, body)
end
LUA
cat > "$TMP/staff.lua" <<LUA
local paths = {
  "/api/v1/tips?page=1&per_page=50",
  "/api/v1/tips?page=2&per_page=20&q=ma%20tuy",
  "/api/v1/activities?page=1&per_page=50",
  "/api/v1/patrols?page=1&per_page=50",
  "/api/v1/mediations?page=1&per_page=50",
  "/api/v1/reports/summary?from=2026-01-01&to=2026-12-31",
  "/api/v1/reports/summary?unit=51&from=2025-01-01&to=2026-12-31",
  "/api/v1/reports/summary?from=2026-01-01&to=2026-12-31&format=xlsx",
  "/api/v1/activities/export?format=csv",
  "/api/v1/activities/export?format=xlsx",
  "/api/v1/patrols/export?format=csv",
  "/api/v1/auth/me",
}
local headers = { ["Authorization"] = "Bearer $TOKEN" }
local n = 0
function delay() return 50 end
function request()
  n = n + 1
  return wrk.format("GET", paths[1 + n % #paths], headers)
end
LUA
# Each kind of request once by hand first: a soak of error paths would measure the wrong thing.
sed -n 's/^  "\(\/api[^"]*\)",$/\1/p' "$TMP/staff.lua" >"$TMP/staff-paths.txt"
while read -r path; do
  s="$(curl -s --max-time 60 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE$path" || true)"
  [ "$s" = 200 ] || die "GET $path answered ${s:-nothing}, not 200."
done <"$TMP/staff-paths.txt"
out="$(curl -s --max-time 30 -H 'Content-Type: application/json' \
  -d '{"unit":"21220-001","category":"drugs","anonymous":true,"description":"Kiểm tra trước khi chạy thử tải dài: một tin báo kèm ảnh"}' \
  "$BASE/api/v1/public/tips" || true)"
code="$(sed -n 's/.*"tracking_code":"\([^"]*\)".*/\1/p' <<<"$out")"
secret="$(sed -n 's/.*"secret":"\([^"]*\)".*/\1/p' <<<"$out")"
[ -n "$code" ] || die "POST /api/v1/public/tips did not give a tracking code: $out"
s="$(curl -s --max-time 60 -o "$TMP/first-photo.json" -w '%{http_code}' -H "X-Tip-Secret: $secret" -H 'Content-Type: image/jpeg' \
  --data-binary @"$TMP/photo.jpg" "$BASE/api/v1/public/tips/$code/attachments" || true)"
[ "$s" = 201 ] || die "a $PHOTO_BYTES-byte photo upload answered ${s:-nothing}, not 201: $(head -c 300 "$TMP/first-photo.json" 2>/dev/null)"

# Warm-up: enough concurrent reads to open every pooled SQLite reader (a bounded, lazily grown
# pool), before the clock starts.
wrk -t2 -c32 -d15s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/tips?page=1&per_page=20" >/dev/null 2>&1 || true
DEADLINE=$(( $(date +%s) + MINUTES * 60 ))

# Bounded by the deadline: each wrk run ends with the soak.
wrk -t1 -c2 -d"${MINUTES}m" --timeout 30s -s "$TMP/tips.lua" "$BASE" >"$TMP/wrk-tips.txt" 2>&1 &
PIDS+=($!)
wrk -t1 -c4 -d"${MINUTES}m" --timeout 60s -s "$TMP/staff.lua" "$BASE" >"$TMP/wrk-staff.txt" 2>&1 &
PIDS+=($!)

photo_loop() {
  local out code secret s
  while [ "$(date +%s)" -lt "$DEADLINE" ]; do
    out="$(curl -s --max-time 30 -H 'Content-Type: application/json' \
      -d '{"unit":"21220-001","category":"drugs","anonymous":true,"description":"Ảnh chụp nhóm người tụ tập trước cửa hàng tạp hóa lúc nửa đêm (soak)"}' \
      "$BASE/api/v1/public/tips" || true)"
    code="$(sed -n 's/.*"tracking_code":"\([^"]*\)".*/\1/p' <<<"$out")"
    secret="$(sed -n 's/.*"secret":"\([^"]*\)".*/\1/p' <<<"$out")"
    if [ -n "$code" ] && [ -n "$secret" ]; then
      s="$(curl -s --max-time 60 -o /dev/null -w '%{http_code}' -H "X-Tip-Secret: $secret" -H 'Content-Type: image/jpeg' \
        --data-binary @"$TMP/photo.jpg" "$BASE/api/v1/public/tips/$code/attachments" || true)"
      echo "$s" >>"$TMP/photos.txt"
    else
      echo "tip-failed" >>"$TMP/photos.txt"
    fi
    # Stored photos are not what is measured: keep the disk from filling over a long soak.
    find "$TMP/attachments" -name '*.bin' -mmin +2 -delete 2>/dev/null || true
    sleep 2
  done
}
login_loop() {
  local s jar="$TMP/cookies.txt" csrf
  while [ "$(date +%s)" -lt "$DEADLINE" ]; do
    rm -f "$jar"
    s="$(curl -s --max-time 30 -c "$jar" -o "$TMP/login.json" -w '%{http_code}' -H 'Content-Type: application/json' \
      -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/login" || true)"
    echo "login $s" >>"$TMP/logins.txt"
    csrf="$(sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p' "$TMP/login.json" 2>/dev/null || true)"
    s="$(curl -s --max-time 30 -b "$jar" -o /dev/null -w '%{http_code}' "$BASE/api/v1/auth/me" || true)"
    echo "me $s" >>"$TMP/logins.txt"
    s="$(curl -s --max-time 30 -b "$jar" -o /dev/null -w '%{http_code}' -X POST -H "X-CSRF-Token: $csrf" "$BASE/api/v1/auth/logout" || true)"
    echo "logout $s" >>"$TMP/logins.txt"
    sleep 3
  done
}
photo_loop & PIDS+=($!)
login_loop & PIDS+=($!)

# ---------------------------------------------------------------- the samples
# requests_by_class: total answered so far, then 2xx 3xx 4xx 5xx, from the server's own counters.
requests_by_class() {
  curl -s --max-time 10 "$BASE/metrics" | awk '
    /^antq_http_requests_total\{/ { m = $0; sub(/.*status="/, "", m); c = substr(m, 1, 1); n[c] += $NF; t += $NF }
    END { printf "%d %d %d %d %d\n", t, n["2"], n["3"], n["4"], n["5"] }'
}
# One look at the server: "VmRSS_KiB RssFile_KiB fds threads", the two sizes from the same read.
look() {
  awk '$1 == "VmRSS:" { r = $2 } $1 == "RssFile:" { f = $2 } $1 == "Threads:" { t = $2 } END { printf "%d %d ", r, f; print t }' \
    "/proc/$SERVER_PID/status" | { read -r r f t; echo "$r $f $(ls "/proc/$SERVER_PID/fd" | wc -l) $t"; }
}

note "soaking for $MINUTES minutes against $BASE (photo: $PHOTO_BYTES bytes); a line a minute."
printf '\nANTQ soak — %s — %s CPU(s), SQLite, %s minute(s), reference minute %s\n' "$(date -u +%FT%TZ)" "$(nproc)" "$MINUTES" "$REF"
printf 'Each figure is the lowest of the minute (a look every 2 s): VmRSS and file at the look where\n'
printf '"VmRSS − file" was lowest; "peak −file" is the highest look of the minute (requests in flight).\n'
printf '%6s | %9s | %8s | %11s | %11s | %5s | %7s | %8s | %9s | %6s | %6s | %6s\n' \
  minute "VmRSS MiB" "file MiB" "-file MiB" "peak -file" FDs threads "req/min" total 2xx 4xx 5xx
printf -- '-------+-----------+----------+-------------+-------------+-------+---------+----------+-----------+--------+--------+-------\n'
START=$(date +%s)
read -r prev_total _ _ _ _ < <(requests_by_class)
declare -a RSS FDS
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
for m in $(seq 1 "$MINUTES"); do
  # Look every 2 s until the minute mark, keeping the lowest figures and the highest anon one.
  lo_anon="" lo_rss="" lo_file="" hi_anon=0 lo_fds="" lo_threads=""
  while :; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 20 "$TMP/server.log" >&2; die "the server died at minute $m."; }
    read -r rss file fds threads < <(look)
    anon=$((rss - file))
    if [ -z "$lo_anon" ] || [ "$anon" -lt "$lo_anon" ]; then lo_anon=$anon; lo_rss=$rss; lo_file=$file; fi
    [ "$anon" -gt "$hi_anon" ] && hi_anon=$anon
    if [ -z "$lo_fds" ] || [ "$fds" -lt "$lo_fds" ]; then lo_fds=$fds; fi
    if [ -z "$lo_threads" ] || [ "$threads" -lt "$lo_threads" ]; then lo_threads=$threads; fi
    [ "$(date +%s)" -ge $((START + m * 60)) ] && break
    sleep 2
  done
  read -r total c2 c3 c4 c5 < <(requests_by_class)
  RSS[$m]=$lo_anon; FDS[$m]=$lo_fds
  printf '%6d | %9s | %8s | %11s | %11s | %5d | %7d | %8d | %9d | %6d | %6d | %6d\n' \
    "$m" "$(mib "$lo_rss")" "$(mib "$lo_file")" "$(mib "$lo_anon")" "$(mib "$hi_anon")" "$lo_fds" "$lo_threads" \
    $((total - prev_total)) "$total" "$c2" "$c4" "$c5"
  prev_total=$total
done

# ---------------------------------------------------------------- the verdict
photos_ok=$(grep -c '^201$' "$TMP/photos.txt" 2>/dev/null || true)
photos_all=$(wc -l <"$TMP/photos.txt" 2>/dev/null || echo 0)
logins_ok=$(grep -c '^login 200$' "$TMP/logins.txt" 2>/dev/null || true)
logins_all=$(grep -c '^login ' "$TMP/logins.txt" 2>/dev/null || echo 0)
echo
echo "photos uploaded: $photos_ok/$photos_all (201); logins: $logins_ok/$logins_all (200); 5xx in all: $c5"
failures=()
for m in $(seq $((REF + 1)) "$MINUTES"); do
  if [ $((RSS[m] * 100)) -gt $((RSS[REF] * 110)) ]; then
    failures+=("minute $m VmRSS-file ${RSS[m]} KiB > 110% of minute $REF (${RSS[REF]} KiB)")
  fi
  if [ $((FDS[m] * 100)) -gt $((FDS[REF] * 110)) ]; then
    failures+=("minute $m FDs ${FDS[m]} > 110% of minute $REF (${FDS[REF]})")
  fi
done
if [ "${#failures[@]}" -eq 0 ]; then
  echo "soak verdict: PASS (no VmRSS-file or FD figure after minute $REF above 110% of minute $REF: ${RSS[REF]} KiB, ${FDS[REF]} FDs)"
else
  echo "soak verdict: FAIL"
  printf '  %s\n' "${failures[@]}"
fi
