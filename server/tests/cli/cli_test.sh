#!/usr/bin/env bash
# The `antq` program as an operator uses it, on one engine: init (twice), migrate, seed demo (on
# both unit lists, twice, and one that fails half-way), serve, SIGTERM, SIGKILL and restart on the
# same port, import with successions, import of a spreadsheet into a register.
# Usage: cli_test.sh ANTQ_BIN sqlite|postgresql
set -uo pipefail
BIN=$1
ENGINE=$2
work=$(mktemp -d /tmp/antq-cli.XXXXXX)
pids=()
extra_dbs=()
cleanup() {
  for p in "${pids[@]+"${pids[@]}"}"; do kill -9 "$p" 2>/dev/null; done
  if [ "$ENGINE" = postgresql ]; then
    for d in ${DBNAME:-} "${extra_dbs[@]+"${extra_dbs[@]}"}"; do
      psql -q "$ANTQ_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1
    done
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

# --- seed demo: one transaction, once per database, on both unit lists -------------------------
new_db() {  # new_db NAME: the URL of a new empty database
  if [ "$ENGINE" = sqlite ]; then
    echo "sqlite:$work/$1.db"
  else
    local name="${DBNAME}_$1"
    psql -q "$ANTQ_TEST_PG_URL" -c "CREATE DATABASE $name" >/dev/null || return 1
    extra_dbs+=("$name")
    echo "${ANTQ_TEST_PG_URL%/*}/$name"
  fi
}
sql() {  # sql URL STATEMENTS: run SQL on the test database, unaligned output
  if [ "$ENGINE" = sqlite ]; then sqlite3 "${1#sqlite:}" "$2"; else psql -qAt "$1" -c "$2"; fi
}
count_rows() {  # count_rows URL: "table rows" for every table, by name
  local tables
  if [ "$ENGINE" = sqlite ]; then
    tables=$(sql "$1" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
  else
    tables=$(sql "$1" "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
  fi
  for t in $tables; do echo "$t $(sql "$1" "SELECT COUNT(*) FROM \"$t\"")"; done
}
rows_of() { awk -v t="$2" '$1 == t { print $2 }' <<<"$1"; }  # rows_of COUNTS TABLE

for list in vn-2tier vn-3tier; do
  durl=$(new_db "demo_${list//-/_}")
  "$BIN" init --db "$durl" --units "$list" >/dev/null 2>&1
  started=$(date +%s%N)
  out1=$("$BIN" seed demo --db "$durl" 2>&1)
  rc=$?
  took=$(( ($(date +%s%N) - started) / 1000000 ))
  check "seed demo on $list succeeds ($took ms): $out1" [ $rc -eq 0 ]
  check "seed demo on $list takes under 20 s ($took ms)" [ "$took" -lt 20000 ]
  check "seed demo on $list writes the years since 2021" grep -q "Các năm 01/01/2021" <<<"$out1"
  area="Xã Sơn Tịnh"; [ "$list" = vn-3tier ] && area="Huyện Sơn Tịnh"
  check "seed demo on $list writes the history of $area" grep -q "của $area" <<<"$out1"
  counts1=$(count_rows "$durl")
  out2=$("$BIN" seed demo --db "$durl" 2>&1)
  check "seed demo again on $list changes nothing and says so: $out2" grep -q "không thay đổi gì" <<<"$out2"
  counts2=$(count_rows "$durl")
  check "seed demo again on $list: every table keeps its row count" [ "$counts1" = "$counts2" ]
  echo "# $ENGINE, $list: rows after seed demo run 1 | run 2 (tables with rows)"
  paste -d' ' <(echo "$counts1") <(echo "$counts2") | awk '$2 > 0 || $4 > 0 { printf "#   %-34s %7s | %s\n", $1, $2, $4 }'
  for t in activities tips mediations patrols reintegration_sessions movement_groups models evaluations rollup_buckets; do
    check "seed demo on $list fills $t ($(rows_of "$counts1" "$t"))" [ "$(rows_of "$counts1" "$t")" -gt 0 ]
  done
  check "seed demo on $list: years of activities ($(rows_of "$counts1" activities))" [ "$(rows_of "$counts1" activities)" -gt 200 ]
  check "seed demo on $list: one marker" [ "$(sql "$durl" "SELECT value FROM settings WHERE key = 'demo.seeded'")" = "$list" ]
  out=$("$BIN" audit verify --db "$durl" 2>&1)
  check "audit verifies after seed demo on $list: $out" grep -q "toàn vẹn" <<<"$out"
done

# A seed that fails half-way (a trigger refuses the model replications, written by two of its
# steps) leaves nothing behind; once the obstacle is gone, it runs.
furl=$(new_db demo_fail)
"$BIN" init --db "$furl" >/dev/null 2>&1
if [ "$ENGINE" = sqlite ]; then
  sql "$furl" "CREATE TRIGGER demo_fail BEFORE INSERT ON model_replications BEGIN SELECT RAISE(ABORT, 'thử lỗi giữa chừng'); END;"
else
  sql "$furl" "CREATE FUNCTION demo_fail() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN RAISE EXCEPTION 'thử lỗi giữa chừng'; END \$\$;
               CREATE TRIGGER demo_fail BEFORE INSERT ON model_replications FOR EACH ROW EXECUTE FUNCTION demo_fail();"
fi
before=$(count_rows "$furl")
out=$("$BIN" seed demo --db "$furl" 2>&1)
check "a seed that fails half-way exits non-zero: $out" [ $? -ne 0 ]
check "a seed that fails half-way leaves every table as it was" [ "$before" = "$(count_rows "$furl")" ]
if [ "$ENGINE" = sqlite ]; then sql "$furl" "DROP TRIGGER demo_fail"; else sql "$furl" "DROP TRIGGER demo_fail ON model_replications"; fi
out=$("$BIN" seed demo --db "$furl" 2>&1)
check "the same seed runs once the obstacle is gone: $out" grep -q "Các năm 01/01/2021" <<<"$out"

nurl=$(new_db demo_none)
"$BIN" init --db "$nurl" --units none >/dev/null 2>&1
out=$("$BIN" seed demo --db "$nurl" 2>&1)
check "seed demo without a unit list exits 1" [ $? -eq 1 ]
check "seed demo without a unit list says what to do: $out" grep -q "vn-2tier hoặc vn-3tier" <<<"$out"

# The main database (3-tier): the demo of Huyện Sơn Tịnh and Thị xã Sơn Tây.
out=$("$BIN" seed demo --db "$URL" 2>&1)
check "seed demo on the 3-tier list: $out" grep -q "của Huyện Sơn Tịnh" <<<"$out"

# The reform: import the current list with a successions file; old villages follow their commune
# (the demo's villages of Tịnh Hà, Tịnh Phong and Tịnh Thọ all go to Xã Sơn Tịnh here).
printf 'old_code,new_code\n527,21220\n21220,21220\n21181,21220\n21175,21220\n51,51\n' > "$work/succ.csv"
out=$("$BIN" import units --db "$URL" --file "$SRC/data/units/vn_admin_2tier_current.csv" --version vn-2tier --successions "$work/succ.csv" 2>&1)
check "import units succeeds: $out" grep -q "kế thừa 5" <<<"$out"
# The figures of the whole country again, at once: the server's incremental fold after a reform
# that moves every unit re-derives each old district and province month by month (about 40 s on
# two busy cores with the demo's six years, holding the writer), where a full rebuild takes under
# a second; reported to the reports module. Without this the account commands below would wait on
# the first server's fold past their busy timeout.
out=$("$BIN" rollup rebuild --db "$URL" 2>&1)
check "rollup rebuild after the reform: $out" grep -q "Đã tính lại" <<<"$out"
out=$("$BIN" import units --db "$URL" --file "$work/missing.csv" --version x 2>&1)
check "import of a missing file fails clearly" grep -q "Không đọc được tệp" <<<"$out"
printf 'code,name\n1,A\n' > "$work/bad.csv"
out=$("$BIN" import units --db "$URL" --file "$work/bad.csv" --version bad 2>&1)
check "import of a malformed list fails clearly" grep -q "phải có các cột" <<<"$out"

# The official 2025 reform (issue 14): on a fresh 3-tier database, from the state's table shipped in
# the binary; a second run changes nothing; an unknown date or a 2-tier database is refused.
rurl=$(new_db reform)
"$BIN" init --db "$rurl" --units vn-3tier >/dev/null 2>&1
out=$("$BIN" import units --db "$rurl" --reform 2025-07-01 2>&1)
check "import units --reform 2025-07-01: $out" grep -q "xã bị chia chờ phân về xã mới 441" <<<"$out"
out=$("$BIN" import units --db "$rurl" --reform 2025-07-01 2>&1)
check "the reform again changes nothing: $out" grep -q "đã được áp dụng" <<<"$out"
out=$("$BIN" import units --db "$rurl" --reform 2024-01-01 2>&1)
check "an unknown reform date exits non-zero" [ $? -ne 0 ]
check "an unknown reform date is named: $out" grep -q "Không có bảng chuyển đổi" <<<"$out"
r2url=$(new_db reform_2tier)
"$BIN" init --db "$r2url" >/dev/null 2>&1
out=$("$BIN" import units --db "$r2url" --reform 2025-07-01 2>&1)
check "the reform on a 2-tier database is refused: $out" grep -q "vn-3tier" <<<"$out"

out=$("$BIN" seed demo --db "$URL" 2>&1)
check "seed demo after the reform changes nothing (the 3-tier demo moved with its communes): $out" grep -q "không thay đổi gì" <<<"$out"

# Import a spreadsheet into a register: the dry run names the bad row and writes nothing; the run
# writes the good rows; the same file again writes nothing more.
printf '\xEF\xBB\xBFĐơn vị,Loại hoạt động,Ngày,Nội dung,Lực lượng tổ chức,Số lượt người tham gia\n' > "$work/acts.csv"
printf '21220,Tập huấn,03/03/2025,Tập huấn tổ tự quản,Công an,1.200\n' >> "$work/acts.csv"
printf '"Xã Sơn Tịnh, Quảng Ngãi",Phát động phong trào,04/03/2025,Phát động ngày hội,Công an; Mặt trận Tổ quốc,300\n' >> "$work/acts.csv"
printf '21220,Tập huấn,31/02/2025,Ngày không có thật,Công an,10\n' >> "$work/acts.csv"
acts_before=$(sql "$URL" "SELECT COUNT(*) FROM activities")
out=$("$BIN" import register activities --file "$work/acts.csv" --dry-run --db "$URL" 2>&1)
check "import register --dry-run counts: $out" grep -q "thêm 2, sửa 0, không đổi 0, từ chối 1" <<<"$out"
check "import register --dry-run names the row and column: $out" grep -q "dòng 4, cột Ngày: Ngày '31/02/2025' không hợp lệ" <<<"$out"
check "import register --dry-run writes nothing" [ "$(sql "$URL" "SELECT COUNT(*) FROM activities")" = "$acts_before" ]
out=$("$BIN" import register activities --file "$work/acts.csv" --db "$URL" 2>&1)
check "import register writes the good rows: $out" grep -q "(done): 3 dòng — thêm 2" <<<"$out"
check "import register: two more activities" [ "$(sql "$URL" "SELECT COUNT(*) FROM activities")" = "$((acts_before + 2))" ]
out=$("$BIN" import register activities --file "$work/acts.csv" --db "$URL" 2>&1)
check "import register again writes nothing: $out" grep -q "thêm 0, sửa 0, không đổi 2, từ chối 1" <<<"$out"
check "import register again: the same activities" [ "$(sql "$URL" "SELECT COUNT(*) FROM activities")" = "$((acts_before + 2))" ]
out=$("$BIN" import register activities --file "$work/acts.csv" --user khong-co --db "$URL" 2>&1)
check "import register --user of nobody fails clearly: $out" grep -q "Không có tài khoản đang hoạt động tên 'khong-co'" <<<"$out"
printf 'Ngày\n01/03/2025\n' > "$work/cols.csv"
out=$("$BIN" import register activities --file "$work/cols.csv" --db "$URL" 2>&1)
check "import register of a file without the required columns fails clearly: $out" grep -q "Tệp thiếu cột bắt buộc: Đơn vị" <<<"$out"

# serve, then SIGTERM: /readyz turns 503 while requests are still served for drain_seconds, then
# the server stops and exits 0.
port=$(free_port)
ANTQ_DRAIN_SECONDS=2 "$BIN" serve --db "$URL" --listen "127.0.0.1:$port" --web-root "$work" >"$work/serve.out" 2>"$work/serve.err" &
pid=$!
pids+=("$pid")
check "serve becomes healthy" wait_healthy "$port"
check "serve prints its address" grep -q "listening on http://127.0.0.1:$port" "$work/serve.out"
check "old district 527 stays addressable and names its successor" \
  bash -c "curl -s 'http://127.0.0.1:$port/api/v1/units/527?dataset=vn-3tier' | grep -q '\"successor\":{\"code\":\"21220\"'"
check "demo villages under Xã Sơn Tịnh" bash -c "curl -s 'http://127.0.0.1:$port/api/v1/units?parent=21220' | grep -q 'Thôn Trường Thọ'"
check "ready before SIGTERM" bash -c "curl -s -o /dev/null -w '%{http_code}' 'http://127.0.0.1:$port/readyz' | grep -qx 200"
kill -TERM "$pid"
sleep 0.5
check "draining: /readyz answers 503 with the reason" \
  bash -c "curl -s -w ' %{http_code}' 'http://127.0.0.1:$port/readyz' | grep -q '\"draining\":{\"ok\":false.* 503$'"
check "draining: requests are still served" \
  bash -c "curl -s -o /dev/null -w '%{http_code}' 'http://127.0.0.1:$port/api/v1/units/21220' | grep -qx 200"
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

# The command line's own language (issue 18, item 20): Vietnamese, English when the locale is
# English (LC_ALL, then LC_MESSAGES, then LANG). Commands, flags and exit codes stay the same.
if [ "$ENGINE" = sqlite ]; then
  vi() { env -u LC_ALL -u LC_MESSAGES LANG=vi_VN.UTF-8 "$BIN" "$@"; }
  en() { env -u LC_ALL -u LC_MESSAGES LANG=en_US.UTF-8 "$BIN" "$@"; }
  VI_LETTERS='[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữỳýỵỷỹĩịỉìíòóỏõọùúủũụèéẻẽẹ]'
  CLI11_ENGLISH='Usage|Options|Subcommands|Positionals|OPTIONS|SUBCOMMAND|REQUIRED|TEXT|Print this help'
  for cmd in "" init serve migrate import "import units" seed "seed demo" "seed synthetic" user "user add" "user disable" \
             token "token create" "token revoke" audit "audit verify" keys "keys rotate" rollup "rollup rebuild" export backup restore version; do
    # shellcheck disable=SC2086 # the words of a subcommand are separate arguments
    out=$(vi $cmd --help 2>&1)
    check "antq $cmd --help speaks Vietnamese: $out" grep -q "^Cách dùng: .*antq" <<<"$out"
    check "antq $cmd --help has no English of CLI11: $out" bash -c '! grep -Eq "$1" <<<"$0"' "$out" "$CLI11_ENGLISH"
    # shellcheck disable=SC2086
    out=$(en $cmd --help 2>&1)
    check "LANG=en: antq $cmd --help in English: $out" grep -q "^Usage: .*antq" <<<"$out"
    check "LANG=en: antq $cmd --help has no Vietnamese: $out" bash -c '! grep -q "$1" <<<"$0"' "$out" "$VI_LETTERS"
  done
  # The default (C.UTF-8, no locale at all) is Vietnamese.
  check "no locale: Vietnamese" bash -c "env -i '$BIN' --help | grep -q '^Lệnh:'"
  check "LANG=C.UTF-8: Vietnamese" bash -c "env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 '$BIN' --help | grep -q '^Tùy chọn:'"
  check "LC_ALL=en overrides LANG=vi" bash -c "env LC_ALL=en LANG=vi_VN.UTF-8 '$BIN' --help | grep -q '^Subcommands:'"
  check "LC_ALL=vi overrides LANG=en" bash -c "env LC_ALL=vi_VN.UTF-8 LANG=en_US.UTF-8 '$BIN' --help | grep -q '^Lệnh:'"
  # Errors: the same exit code in both languages, the words of each, and where to read more.
  errcheck() {  # errcheck "vi text" "en text" args...
    local want_vi=$1 want_en=$2; shift 2
    local out_vi out_en rc_vi rc_en
    out_vi=$(vi "$@" 2>&1 </dev/null); rc_vi=$?
    out_en=$(en "$@" 2>&1 </dev/null); rc_en=$?
    check "antq $*: Vietnamese error: $out_vi" grep -qF -- "$want_vi" <<<"$out_vi"
    check "antq $*: Vietnamese hint to --help: $out_vi" grep -q "^Chạy 'antq.* --help' để xem hướng dẫn.$" <<<"$out_vi"
    check "antq $*: English error: $out_en" grep -qF -- "$want_en" <<<"$out_en"
    check "antq $*: English hint to --help: $out_en" grep -q "^Run 'antq.* --help' for more information.$" <<<"$out_en"
    check "antq $*: same exit code ($rc_vi, $rc_en), not 0" bash -c "[ $rc_vi -eq $rc_en ] && [ $rc_vi -ne 0 ]"
  }
  errcheck "Hãy chọn một lệnh: init, serve" "A subcommand is required"
  errcheck "Không có lệnh 'khoi-tao'" "A subcommand is required" khoi-tao
  errcheck "Hãy chọn một lệnh: units, register." "A subcommand is required" import
  errcheck "Thiếu --file (bắt buộc)." "--file is required" import units --db "$URL" --version x
  errcheck "--units: 'x' không hợp lệ, hãy chọn một trong {vn-2tier,vn-3tier,none}." "--units: x not in {vn-2tier,vn-3tier,none}" \
    init --db "sqlite:$work/lang.db" --units x
  errcheck "--expires-days: không đọc được giá trị 'abc'." "Could not convert: --expires-days = abc" token create admin --expires-days abc --db "$URL"
  errcheck "Thiếu giá trị sau --db." "--db: 1 required TEXT missing" migrate --db
  errcheck "Không hiểu tham số: thua." "The following argument was not expected: thua" migrate thua --db "$URL"
  check "a refused command line creates nothing" [ ! -e "$work/lang.db" ]
fi

echo "cli ($ENGINE): $passed passed, $failed failed"
[ "$failed" -eq 0 ]
