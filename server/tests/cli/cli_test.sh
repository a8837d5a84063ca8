#!/usr/bin/env bash
# The `antq` program as an operator uses it, on one engine: init (twice), migrate, serve, SIGTERM,
# SIGKILL and restart on the same port, import with successions, seed demo.
# Usage: cli_test.sh ANTQ_BIN sqlite|postgresql
set -uo pipefail
BIN=$1
ENGINE=$2
work=$(mktemp -d /tmp/antq-cli.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]+"${pids[@]}"}"; do kill -9 "$p" 2>/dev/null; done
  if [ "$ENGINE" = postgresql ] && [ -n "${DBNAME:-}" ]; then
    psql -q "$ANTQ_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $DBNAME" >/dev/null 2>&1
  fi
  rm -rf "$work"
}
trap cleanup EXIT

passed=0
failed=0
check() {  # check "description" command...
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $what" >&2; fi
}

export ANTQ_DATA_KEY_FILE="$work/antq.key"
if [ "$ENGINE" = sqlite ]; then
  URL="sqlite:$work/antq.db"
else
  [ -n "${ANTQ_TEST_PG_URL:-}" ] || { echo "ANTQ_TEST_PG_URL not set: run through scripts/with-postgres.sh" >&2; exit 1; }
  DBNAME="antq_cli_$RANDOM$RANDOM"
  psql -q "$ANTQ_TEST_PG_URL" -c "CREATE DATABASE $DBNAME" >/dev/null || exit 1
  URL="${ANTQ_TEST_PG_URL%/*}/$DBNAME"
fi

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 12000))  # below the ephemeral range
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  return 1
}
wait_healthy() {  # port
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}

# init without a password on stdin: a generated one, printed once as the last line.
out=$("$BIN" init --db "$URL" --units vn-3tier 2>&1)
check "init succeeds" [ $? -eq 0 ]
password=$(printf '%s\n' "$out" | tail -n1)
check "init prints a generated password" [ ${#password} -ge 12 ]
check "init reports the units it loaded" grep -q "thêm 10794" <<<"$out"

out=$("$BIN" init --db "$URL" 2>&1)
check "init again changes nothing and says so" grep -q "không thay đổi gì" <<<"$out"
check "init again does not print a password" bash -c '! grep -q "Mật khẩu" <<<"$0"' "$out"

out=$(echo "short" | "$BIN" init --db "sqlite:$work/other.db" --admin-password-stdin 2>&1)
check "too short a password is refused with exit code 2" [ $? -eq 2 ]
check "refusal explains in Vietnamese" grep -q "ít nhất 10 ký tự" <<<"$out"

out=$("$BIN" migrate --db "$URL" 2>&1)
check "migrate on an up-to-date database" grep -q "mới nhất" <<<"$out"

out=$("$BIN" seed demo --db "$URL" 2>&1)
check "seed demo on the 3-tier list skips communes not in it" grep -q "bỏ qua" <<<"$out"

# The reform: import the current list with a successions file; old villages follow their commune.
printf 'old_code,new_code\n527,21220\n21220,21220\n51,51\n' > "$work/succ.csv"
out=$("$BIN" import units --db "$URL" --file "$SRC/data/units/vn_admin_2tier_current.csv" --version vn-2tier --successions "$work/succ.csv" 2>&1)
check "import units succeeds: $out" grep -q "kế thừa 3" <<<"$out"
out=$("$BIN" import units --db "$URL" --file "$work/missing.csv" --version x 2>&1)
check "import of a missing file fails clearly" grep -q "Không đọc được tệp" <<<"$out"
printf 'code,name\n1,A\n' > "$work/bad.csv"
out=$("$BIN" import units --db "$URL" --file "$work/bad.csv" --version bad 2>&1)
check "import of a malformed list fails clearly" grep -q "phải có các cột" <<<"$out"

out=$("$BIN" seed demo --db "$URL" 2>&1)
check "seed demo adds villages" grep -q "thêm 11" <<<"$out"

# serve, then SIGTERM: exits 0.
port=$(free_port)
"$BIN" serve --db "$URL" --listen "127.0.0.1:$port" --web-root "$work" >"$work/serve.out" 2>"$work/serve.err" &
pid=$!
pids+=("$pid")
check "serve becomes healthy" wait_healthy "$port"
check "serve prints its address" grep -q "listening on http://127.0.0.1:$port" "$work/serve.out"
check "old district 527 stays addressable and names its successor" \
  bash -c "curl -s 'http://127.0.0.1:$port/api/v1/units/527?dataset=vn-3tier' | grep -q '\"successor\":{\"code\":\"21220\"'"
check "demo villages under Xã Sơn Tịnh" bash -c "curl -s 'http://127.0.0.1:$port/api/v1/units?parent=21220' | grep -q 'Thôn Trường Thọ'"
kill -TERM "$pid"
wait "$pid"
check "SIGTERM exits 0" [ $? -eq 0 ]
# Request lines are written in blocks (every second and at exit).
check "request log is JSON lines" bash -c "grep -q '\"msg\":\"request\"' '$work/serve.err'"

# SIGKILL, then a new server on the same port at once.
"$BIN" serve --db "$URL" --listen "127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
pids+=("$pid")
check "second serve healthy" wait_healthy "$port"
curl -s "http://127.0.0.1:$port/api/v1/units/21220" >/dev/null
kill -KILL "$pid"
wait "$pid" 2>/dev/null
"$BIN" serve --db "$URL" --listen "127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
pids+=("$pid")
check "restart on the same port right after SIGKILL" wait_healthy "$port"
kill -INT "$pid"
wait "$pid"
check "SIGINT exits 0" [ $? -eq 0 ]

# Accounts from the command line, used at once by a running server.
"$BIN" serve --db "$URL" --listen "127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
pids+=("$pid")
check "server for account commands" wait_healthy "$port"
echo "Mot-mat-khau-rat-dai-1" | "$BIN" user add cs.sontinh --role police_officer --unit 21220 --password-stdin --db "$URL" >/dev/null 2>&1
check "user add" [ $? -eq 0 ]
out=$(echo "short" | "$BIN" user add cs.yeu --role police_officer --unit 21220 --password-stdin --db "$URL" 2>&1)
check "user add refuses a weak password" grep -q "ít nhất 10" <<<"$out"
check "login with the new account" bash -c "curl -sf -X POST 'http://127.0.0.1:$port/api/v1/auth/login' -H 'Content-Type: application/json' -d '{\"username\":\"cs.sontinh\",\"password\":\"Mot-mat-khau-rat-dai-1\"}' >/dev/null"
out=$("$BIN" token create cs.sontinh --expires-days 30 --db "$URL" 2>&1)
tok=$(printf '%s\n' "$out" | tail -n1)
check "token create prints the token alone on the last line" bash -c "[[ '$tok' == antq_* ]]"
check "token works at once" bash -c "curl -sf -H 'Authorization: Bearer $tok' 'http://127.0.0.1:$port/api/v1/auth/me' | grep -q cs.sontinh"
"$BIN" token revoke "$tok" --db "$URL" >/dev/null 2>&1
check "revoked token refused at once" bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer $tok' 'http://127.0.0.1:$port/api/v1/auth/me')\" = 401 ]"
tok2=$("$BIN" token create cs.sontinh --db "$URL" 2>&1 | tail -n1)
"$BIN" user disable cs.sontinh --db "$URL" >/dev/null 2>&1
check "disabled account's token refused at once" bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer $tok2' 'http://127.0.0.1:$port/api/v1/auth/me')\" = 401 ]"
kill -TERM "$pid"; wait "$pid"

# Durability: writes acknowledged before a kill -9 under load are all there after the restart.
"$BIN" serve --db "$URL" --listen "127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
pids+=("$pid")
check "server for the durability check" wait_healthy "$port"
echo "Mot-mat-khau-rat-dai-2" | "$BIN" user add quantri.ben --role admin --password-stdin --db "$URL" >/dev/null 2>&1
dtok=$("$BIN" token create quantri.ben --db "$URL" 2>&1 | tail -n1)
: > "$work/acked"
writer() {  # writer N: POST villages until the server dies; log the codes it acknowledged
  local i code
  for i in $(seq 1 400); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/api/v1/units" \
      -H "Authorization: Bearer $dtok" -H 'Content-Type: application/json' \
      -d "{\"parent\":\"21220\",\"name\":\"Thôn bền $1-$i\",\"kind\":\"village\",\"code\":\"BEN-$1-$i\"}")
    [ "$code" = 201 ] && echo "BEN-$1-$i" >> "$work/acked"
    [ "$code" = 000 ] && break
  done
}
writer a & wa=$!
writer b & wb=$!
sleep 1.5
kill -KILL "$pid"
wait "$wa" "$wb" 2>/dev/null
acked=$(wc -l < "$work/acked")
check "some writes were acknowledged before the kill ($acked)" [ "$acked" -gt 5 ]
"$BIN" serve --db "$URL" --listen "127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
pids+=("$pid")
check "restart after kill -9 under load" wait_healthy "$port"
missing=0
while read -r code; do
  st=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/units/$code")
  [ "$st" = 200 ] || missing=$((missing + 1))
done < "$work/acked"
check "every acknowledged write survived kill -9 ($missing of $acked missing)" [ "$missing" -eq 0 ]
kill -TERM "$pid"; wait "$pid"

out=$("$BIN" audit verify --db "$URL" 2>&1)
check "audit verify on an untouched log: $out" grep -q "toàn vẹn" <<<"$out"
out=$("$BIN" keys rotate --db "$URL" 2>&1)
check "keys rotate" grep -q "Khóa mới" <<<"$out"
out=$("$BIN" audit verify --db "$URL" 2>&1)
check "audit still verifies after key rotation: $out" grep -q "toàn vẹn" <<<"$out"
# Someone with database access drops the guard and edits an entry.
if [ "$ENGINE" = sqlite ]; then
  sqlite3 "$work/antq.db" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'ai-do' WHERE id = 2;"
else
  psql -q "$URL" -c "DROP TRIGGER audit_log_no_update ON audit_log; UPDATE audit_log SET actor = 'ai-do' WHERE id = 2;" >/dev/null
fi
out=$("$BIN" audit verify --db "$URL" 2>&1)
rc=$?
check "audit verify exits non-zero after an edit" [ $rc -ne 0 ]
check "audit verify names the first edited entry: $out" grep -q "mục đầu tiên có vấn đề: 2" <<<"$out"

out=$("$BIN" serve --db "mysql://nope" 2>&1)
check "unknown database URL is refused with a message" grep -q "không hợp lệ" <<<"$out"

echo "cli ($ENGINE): $passed passed, $failed failed"
[ "$failed" -eq 0 ]
