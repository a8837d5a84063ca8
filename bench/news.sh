#!/usr/bin/env bash
# News benchmark (make bench; issue 15). Not a test: it exits 0 once the measurements ran,
# whatever the numbers; non-zero only when the benchmark itself could not run.
#
# On each engine (SQLite, and PostgreSQL started on loopback by scripts/with-postgres.sh), with
# BENCH_NEWS_SUBSCRIBERS (100,000) confirmed subscribers to the warnings of one province, written
# straight into the database as the module writes them (bench/news_helper.py seed):
# scripts/with-postgres.sh turns fsync off: the PostgreSQL figures are then an upper bound (printed).
#   queue     one urgent warning to all of them: seconds from `POST /api/v1/news/{id}/publish` until
#             every delivery row is committed (polled every ~20 ms). Target ≤ 5 s. Reference: the
#             module's own statement (deliveries.sql kQueuePost) run alone by sqlite3 / psql on a
#             copy of the same database in the same run; ratio = reference ÷ antq (1 = no overhead).
#   delivery  messages/s into the real SMTP sink of the tests (server/tests/support/smtp_sink.py,
#             /usr/bin/python3 with aiosmtpd), with news_senders = N for each N in
#             BENCH_NEWS_SENDERS, over BENCH_NEWS_WINDOW seconds after a 2 s warm-up. Reference:
#             the sink's own accept rate from a trivial client in the same run (python smtplib, N
#             threads each keeping one connection open, the same number of copies of a message
#             the server sent); also shown with one connection per message (as libcurl sends).
#   public    GET /api/v1/public/news?unit=BENCH_NEWS_UNIT with wrk (-t2 -c64 -d10s after 2 s),
#             as a ratio to a private nginx serving the same JSON answer as a static file,
#             measured before and after antq (the mean is the reference). Target ≥ 0.5.
# Knobs: BENCH_NEWS_SUBSCRIBERS=100000 BENCH_NEWS_SENDERS="1 4" BENCH_NEWS_WINDOW=10
# BENCH_NEWS_UNIT=21220 BENCH_NEWS_POSTS=9 (news posts on the unit's page besides the warning)
# BENCH_NEWS_PROVINCE=51 BENCH_DURATION=10s BENCH_WARMUP=2s
# BENCH_CONNECTIONS=64 BENCH_THREADS=2 ANTQ_BIN=build/antq. Writes bench/results/news-latest.json.
set -euo pipefail
# PostgreSQL runs for the whole benchmark: the script runs itself again under with-postgres.sh.
if [ -z "${ANTQ_TEST_PG_URL:-}" ]; then exec bash "$(dirname "$0")/../scripts/with-postgres.sh" bash "$0" "$@"; fi
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
SUBSCRIBERS="${BENCH_NEWS_SUBSCRIBERS:-100000}"
SENDERS="${BENCH_NEWS_SENDERS:-1 4}"
WINDOW="${BENCH_NEWS_WINDOW:-10}"
UNIT="${BENCH_NEWS_UNIT:-21220}"
POSTS="${BENCH_NEWS_POSTS:-9}"
PROVINCE="${BENCH_NEWS_PROVINCE:-51}"
DURATION="${BENCH_DURATION:-10s}"
WARMUP="${BENCH_WARMUP:-2s}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
THREADS="${BENCH_THREADS:-2}"
ANTQ_BIN="${ANTQ_BIN:-$ROOT/build/antq}"
PY=/usr/bin/python3  # Debian's, with python3-aiosmtpd (the sink) and the standard library only
HELPER="$BENCH_DIR/news_helper.py"
SINK_PY="$ROOT/server/tests/support/smtp_sink.py"

die() { echo "bench news: $*" >&2; exit 2; }
note() { echo "bench news: $*" >&2; }
for tool in wrk curl sqlite3 psql; do command -v "$tool" >/dev/null || die "$tool not found (scripts/install-deps.sh)."; done
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$NGINX" ] || die "nginx not found (scripts/install-deps.sh)."
[ -x "$ANTQ_BIN" ] || die "server binary $ANTQ_BIN not found (make build)."

TMP="$(mktemp -d "${TMPDIR:-/tmp}/antq-bench-news.XXXXXX")"
cp "$ANTQ_BIN" "$TMP/antq"  # a private copy: a rebuild during the run changes nothing
ANTQ="$TMP/antq"
SERVER_PID="" SINK_PID="" NGINX_PID="" PG_DBS=()
stop_pid() {  # stop_pid PID [SIGNAL]: SIGNAL (TERM), up to 10 s, then KILL
  local pid="$1" sig="${2:-TERM}"
  [ -n "$pid" ] || return 0
  {
    kill -"$sig" "$pid" 2>/dev/null || return 0
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  } 2>/dev/null
}
cleanup() {
  stop_pid "$SERVER_PID"; stop_pid "$SINK_PID"; stop_pid "$NGINX_PID"
  local d
  for d in "${PG_DBS[@]}"; do psql -q "$ANTQ_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1 || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'echo; note "interrupted"; exit 130' INT
trap 'exit 143' TERM

now() { date +%s.%N; }
secs_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'; }
sql() {  # sql ENGINE DB STATEMENT: one value or rows, unformatted
  if [ "$1" = sqlite ]; then sqlite3 -cmd ".timeout 5000" "$2" "$3"; else psql -XtAq -v ON_ERROR_STOP=1 "$2" -c "$3"; fi
}
api() {  # api METHOD PATH [JSON]: the body of the answer (fails on an HTTP error)
  curl -sS -f -X "$1" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" ${3:+--data "$3"} \
    "http://127.0.0.1:$SERVER_PORT$2"
}
json_id() { "$PY" -c 'import json, sys; print(json.load(sys.stdin)["id"])'; }

start_sink() {  # sets SINK_PID, SINK_PORT, SINK_DIR (a fresh directory each time)
  SINK_DIR="$(mktemp -d "$TMP/sink.XXXXXX")"
  : > "$SINK_DIR/out"
  "$PY" "$SINK_PY" --dir "$SINK_DIR/mail" --port 0 >"$SINK_DIR/out" 2>&1 &
  SINK_PID=$!
  SINK_PORT=""
  for _ in $(seq 100); do
    SINK_PORT="$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$SINK_DIR/out")"
    [ -n "$SINK_PORT" ] && return 0
    kill -0 "$SINK_PID" 2>/dev/null || break
    sleep 0.1
  done
  cat "$SINK_DIR/out" >&2
  die "the SMTP sink did not start (is python3-aiosmtpd installed?)."
}
sink_count() { find "$SINK_DIR/mail" -maxdepth 1 -name '[0-9]*.json' 2>/dev/null | wc -l; }

start_antq() {  # start_antq DB NAME [ENV=VALUE...]: sets SERVER_PID, SERVER_PORT
  local db="$1" name="$2"
  shift 2
  : > "$TMP/antq-$name.out"
  (cd "$TMP" && exec env -u ANTQ_CONFIG ANTQ_LOG_LEVEL=warn ANTQ_PUBLIC_CHALLENGE=off ANTQ_PUBLIC_RATE_LIMIT=off "$@" \
    "$ANTQ" serve --db "$db" --listen 127.0.0.1:0 >"$TMP/antq-$name.out" 2>>"$TMP/antq-$name.log") &
  SERVER_PID=$!
  SERVER_PORT=""
  for _ in $(seq 150); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    SERVER_PORT="$(sed -n 's/^antq: listening on http:\/\/127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$TMP/antq-$name.out")"
    [ -n "$SERVER_PORT" ] && return 0
    sleep 0.1
  done
  tail -n 20 "$TMP/antq-$name.log" >&2 || true
  die "antq serve did not start ($name)."
}
mail_env() {  # the settings of a server that sends to the sink with N senders
  echo "ANTQ_SMTP_URL=smtp://127.0.0.1:$SINK_PORT" "ANTQ_MAIL_FROM=no-reply@antq.example.vn" \
    "ANTQ_PUBLIC_URL=https://antq.example.vn" ANTQ_NEWS_QUIET_HOURS=off ANTQ_NEWS_WARNINGS_PER_DAY=0 "ANTQ_NEWS_SENDERS=$1"
}

# The module's statement that queues a post (deliveries.sql kQueuePost) with its parameters filled in.
queue_statement() {  # queue_statement POST_ID
  local at; at="$(date -u +%Y-%m-%dT%H:%M:%S.000Z)"
  sed -n '/^-- name: kQueuePost$/,/^$/p' "$ROOT/server/src/modules/news/deliveries.sql" | sed '1d' |
    sed -e "s/\\\$1\\b/$1/g" -e "s/\\\$2\\b/'queued'/g" -e "s/\\\$3\\b/'$at'/g" -e "s/\\\$4\\b/'$at'/g" -e "s/\\\$5\\b/'%,warning,%'/g"
}

# ---------------------------------------------------------------- nginx (the public list's reference)
mkdir -p "$TMP/nginx/www" "$TMP/nginx/tmp"
chmod 755 "$TMP" "$TMP/nginx" "$TMP/nginx/www"
start_nginx() {  # a private nginx as bench/run.sh runs it: access_log off, keep-alive; sets NGINX_PORT
  local user="" p
  [ "$(id -u)" = 0 ] && user="user root;"
  for _ in 1 2 3 4 5 6 7 8; do
    p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue
    cat > "$TMP/nginx/nginx.conf" <<EOF
$user
worker_processes auto;
daemon off;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off; sendfile on; tcp_nopush on; keepalive_timeout 65; keepalive_requests 1000000;
  client_body_temp_path $TMP/nginx/tmp/body; proxy_temp_path $TMP/nginx/tmp/proxy;
  fastcgi_temp_path $TMP/nginx/tmp/fastcgi; uwsgi_temp_path $TMP/nginx/tmp/uwsgi; scgi_temp_path $TMP/nginx/tmp/scgi;
  types { application/json json; }
  server { listen 127.0.0.1:$p; root $TMP/nginx/www; }
}
EOF
    "$NGINX" -p "$TMP/nginx" -e "$TMP/nginx/error.log" -c "$TMP/nginx/nginx.conf" >"$TMP/nginx/stdout.log" 2>&1 &
    NGINX_PID=$!
    for _ in $(seq 50); do
      if curl -sf -o /dev/null "http://127.0.0.1:$p/news.json"; then NGINX_PORT=$p; return 0; fi
      kill -0 "$NGINX_PID" 2>/dev/null || break
      sleep 0.1
    done
    stop_pid "$NGINX_PID"; NGINX_PID=""
  done
  cat "$TMP/nginx/error.log" >&2 2>/dev/null || true
  die "private nginx did not start."
}
wrk_rps() {  # wrk_rps URL: warm-up, then requests/s (non-2xx or socket errors are reported)
  "$WRK" -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$1" >/dev/null
  local out; out="$("$WRK" -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$1")"
  grep -E "Non-2xx|Socket errors" <<<"$out" | sed "s|^|bench news: $1: |" >&2 || true
  awk '/^Requests\/sec:/ {print $2}' <<<"$out"
}
WRK="$(command -v wrk)"

# ---------------------------------------------------------------- one engine
# run_engine NAME DB_URL: everything measured on one engine; appends to $TMP/results.
run_engine() {
  local name="$1" db="$2" key t0 first=1 n
  key="$("$PY" -c 'import secrets; print(secrets.token_hex(32))')"
  export ANTQ_DATA_KEY="$key"
  printf 'bench-news-password-%s\n' "$RANDOM$RANDOM" | (cd "$TMP" && env -u ANTQ_CONFIG "$ANTQ" init --db "$db" --units vn-2tier \
    --admin-password-stdin) >"$TMP/init-$name.log" 2>&1 || { cat "$TMP/init-$name.log" >&2; die "antq init ($name) failed."; }
  TOKEN="$(cd "$TMP" && env -u ANTQ_CONFIG "$ANTQ" token create admin --db "$db" | tail -n1)"
  note "$name: seeding $SUBSCRIBERS confirmed subscribers under unit $PROVINCE…"
  local seed_s; seed_s="$("$PY" "$HELPER" seed --engine "$name" --db "${db#sqlite:}" --key "$key" --count "$SUBSCRIBERS" --province "$PROVINCE")"
  note "$name: seeded in $seed_s s"

  read -r -a senders <<<"$SENDERS"
  start_sink
  # shellcheck disable=SC2046 # mail_env prints separate VAR=value words
  start_antq "$db" "$name" $(mail_env "${senders[0]}")
  # A few posts for the public list first (news: no subscriber asks for it, nothing is queued).
  for n in $(seq "$POSTS"); do
    local id; id="$(api POST /api/v1/news "{\"kind\": \"news\", \"title\": \"Tin an ninh trật tự số $n của xã\", \"summary\": \"Tóm tắt tin số $n\", \"body\": \"Nội dung **tin** số $n.\", \"target_units\": [\"$UNIT\"]}" | json_id)"
    api POST "/api/v1/news/$id/publish" >/dev/null
  done
  local warning; warning="$(api POST /api/v1/news "{\"kind\": \"warning\", \"priority\": 1, \"title\": \"Cảnh báo khẩn: giả danh công an gọi điện yêu cầu chuyển tiền\", \"summary\": \"Không chuyển tiền theo yêu cầu qua điện thoại.\", \"body\": \"Công an **không bao giờ** yêu cầu chuyển tiền qua điện thoại.\", \"target_units\": [\"$PROVINCE\"]}" | json_id)"
  local recipients; recipients="$(api GET "/api/v1/news/recipients?units=$PROVINCE&kind=warning" | "$PY" -c 'import json, sys; print(json.load(sys.stdin)["subscribers"])')"
  [ "$recipients" = "$SUBSCRIBERS" ] || note "warning: the module counts $recipients recipients, $SUBSCRIBERS were seeded."

  # Queue: from the publish request until every row is committed.
  t0="$(now)"
  api POST "/api/v1/news/$warning/publish" >/dev/null
  local rows=0 queue_s
  until [ "$rows" -ge "$recipients" ]; do
    rows="$(sql "$name" "${db#sqlite:}" "SELECT count(*) FROM news_deliveries WHERE post_id = $warning")"
    [ "$(secs_since "$t0" | cut -d. -f1)" -lt 120 ] || die "$name: only $rows of $recipients deliveries queued after 120 s."
    [ "$rows" -ge "$recipients" ] || sleep 0.02
  done
  queue_s="$(secs_since "$t0")"
  note "$name: queued $rows deliveries in $queue_s s"

  # Delivery, with each number of senders in turn (a restart between them; the queue goes on).
  for n in "${senders[@]}"; do
    if [ "$first" = 0 ]; then
      stop_pid "$SERVER_PID"; stop_pid "$SINK_PID"
      start_sink
      # shellcheck disable=SC2046
      start_antq "$db" "$name" $(mail_env "$n")
    fi
    first=0
    sleep 2  # warm-up
    local c0 c1 w0 msgs secs
    c0="$(sink_count)"; w0="$(now)"
    sleep "$WINDOW"
    c1="$(sink_count)"; secs="$(secs_since "$w0")"
    msgs=$(( c1 - c0 ))
    note "$name: $n sender(s): $msgs messages in $secs s"
    cp "$SINK_DIR/mail/1.eml" "$TMP/message.eml" 2>/dev/null || true
    echo "delivery $name $n $msgs $secs" >> "$TMP/results"
  done
  stop_pid "$SERVER_PID"; stop_pid "$SINK_PID"
  local figures; figures="$(sql "$name" "${db#sqlite:}" "SELECT status || '=' || count(*) FROM news_deliveries WHERE post_id = $warning GROUP BY status" | tr '\n' ' ')"
  note "$name: delivery rows by status: $figures; retried: $(sql "$name" "${db#sqlite:}" "SELECT count(*) || ' ' || coalesce(max(last_error), '') FROM news_deliveries WHERE attempts > 0 AND status = 'queued'")"
  if [ -s "$TMP/antq-$name.log" ]; then note "$name: server log (first lines):"; head -n 5 "$TMP/antq-$name.log" | cut -c1-300 >&2; fi
  sql "$name" "${db#sqlite:}" "UPDATE news_deliveries SET status = 'cancelled', claimed_until = NULL WHERE status IN ('queued', 'held')" >/dev/null

  # The reference: the module's statement alone on a copy, the delivery rows removed first.
  local ref_s statement; statement="$(queue_statement "$warning")"
  if [ "$name" = sqlite ]; then
    sqlite3 "${db#sqlite:}" ".backup $TMP/ref.db"
    sqlite3 "$TMP/ref.db" "DELETE FROM news_deliveries; VACUUM;"
    t0="$(now)"
    sqlite3 "$TMP/ref.db" "PRAGMA synchronous = FULL; BEGIN IMMEDIATE; $statement; COMMIT;"
    ref_s="$(secs_since "$t0")"
    rows="$(sqlite3 "$TMP/ref.db" "SELECT count(*) FROM news_deliveries")"
  else
    local refdb="${db##*/}_ref"
    PG_DBS+=("$refdb")
    psql -q "$ANTQ_TEST_PG_URL" -c "CREATE DATABASE $refdb TEMPLATE ${db##*/}" >/dev/null
    local refurl="${db%/*}/$refdb"
    psql -q "$refurl" -c "TRUNCATE news_deliveries" >/dev/null
    t0="$(now)"
    psql -q -v ON_ERROR_STOP=1 "$refurl" -c "$statement" >/dev/null
    ref_s="$(secs_since "$t0")"
    rows="$(sql postgresql "$refurl" "SELECT count(*) FROM news_deliveries")"
  fi
  note "$name: the statement alone queued $rows rows in $ref_s s"
  echo "queue $name $recipients $queue_s $ref_s" >> "$TMP/results"

  # Public reads: a server that sends nothing (nothing is left queued).
  start_antq "$db" "$name-read"
  local path="/api/v1/public/news?unit=$UNIT"
  if [ ! -s "$TMP/nginx/www/news.json" ]; then
    curl -sf "http://127.0.0.1:$SERVER_PORT$path" > "$TMP/nginx/www/news.json"
    chmod 644 "$TMP/nginx/www/news.json"
    start_nginx
    note "nginx reference (before): static copy of the answer ($(wc -c < "$TMP/nginx/www/news.json") bytes)"
    echo "nginx before $(wrk_rps "http://127.0.0.1:$NGINX_PORT/news.json")" >> "$TMP/results"
  fi
  local items; items="$(curl -sf "http://127.0.0.1:$SERVER_PORT$path" | "$PY" -c 'import json, sys; print(len(json.load(sys.stdin)["items"]))')"
  note "$name: wrk GET $path ($items items)"
  echo "public $name $(wrk_rps "http://127.0.0.1:$SERVER_PORT$path") $items" >> "$TMP/results"
  # For scale: the simplest read of the API on the same server (one unit and its province).
  echo "units $name $(wrk_rps "http://127.0.0.1:$SERVER_PORT/api/v1/units/$UNIT")" >> "$TMP/results"
  stop_pid "$SERVER_PID"; SERVER_PID=""
  unset ANTQ_DATA_KEY
}

# ---------------------------------------------------------------- the runs
: > "$TMP/results"
# CPU use by other work over one second before the run (0-100 %), as bench/tips.sh prints it.
a="$(head -n1 /proc/stat)"; sleep 1; b="$(head -n1 /proc/stat)"
echo "busy $(awk -v a="$a" -v b="$b" 'BEGIN { n = split(a, x, " "); split(b, y, " "); t = 0
  for (i = 2; i <= n; i++) t += y[i] - x[i]; idle = (y[5] - x[5]) + (y[6] - x[6]); printf "%.0f", (t > 0) ? 100 * (t - idle) / t : 0 }')" >> "$TMP/results"
run_engine sqlite "sqlite:$TMP/news.db"
pgdb="antq_bench_news_$$"
PG_DBS+=("$pgdb")
psql -q "$ANTQ_TEST_PG_URL" -c "CREATE DATABASE $pgdb" >/dev/null
run_engine postgresql "${ANTQ_TEST_PG_URL%/*}/$pgdb"
echo "pg $(psql -XtAq "$ANTQ_TEST_PG_URL" -c 'SHOW fsync') $(psql -XtAq "$ANTQ_TEST_PG_URL" -c 'SHOW synchronous_commit')" >> "$TMP/results"
echo "nginx after $(wrk_rps "http://127.0.0.1:$NGINX_PORT/news.json")" >> "$TMP/results"
stop_pid "$NGINX_PID"; NGINX_PID=""

# The sink's own accept rate, for each number of connections, with as many messages as the server
# delivered (the most of the two engines) of the message it sent.
[ -s "$TMP/message.eml" ] || die "no message reached the sink."
for n in $SENDERS; do
  msgs="$(awk -v n="$n" '$1 == "delivery" && $3 == n && $4 > m { m = $4 } END { print (m > 200 ? m : 200) }' "$TMP/results")"
  for mode in kept per-message; do
    start_sink
    flag=(); [ "$mode" = per-message ] && flag=(--per-message)
    read -r _ secs rate < <("$PY" "$HELPER" smtp-ref --port "$SINK_PORT" --eml "$TMP/message.eml" --messages "$msgs" --connections "$n" "${flag[@]}")
    [ "$(sink_count)" -ge "$msgs" ] || note "warning: the sink kept $(sink_count) of $msgs reference messages."
    echo "sinkref $mode $n $msgs $secs $rate" >> "$TMP/results"
    stop_pid "$SINK_PID"; SINK_PID=""
  done
done

"$PY" "$BENCH_DIR/news_report.py" "$TMP/results" "$SUBSCRIBERS" "$(nproc)" "$BENCH_DIR/results/news-latest.json"
