#!/usr/bin/env bash
# ANTQ reports benchmark (make bench; issues 7 and 16). Not a test: it exits 0 once the
# measurements ran, whatever the numbers; non-zero only when it could not run.
#
# 1. A database with the pre-reform unit list (63 provinces, ~700 districts, ~10,600 communes) and
#    `antq seed synthetic --scale $BENCH_REPORT_SCALE --seed 1` (national: 10 villages per commune,
#    10 million activities, 1 million tips… over ten years; the rollup is derived once). SQLite, or
#    with BENCH_REPORT_ENGINE=postgresql a PostgreSQL cluster of its own (initdb once, started on a
#    free loopback port for the run and stopped after it). Kept in $BENCH_REPORT_DIR and reused.
# 2. The server; GET /api/v1/reports/summary for a random province and for the whole country, ten
#    years ending today (the start moved by a few days each time), over keep-alive: p50/p95.
# 3. The reference, same run: the naive GROUP BY over the raw tables for the same figures
#    (activities by type and by organiser, tips, mediations, sessions, active groups), median of 3
#    (one run when a run takes over 20 s); on PostgreSQL through psql (its start, a few ms, is
#    in the reference's time).
# 4. The dashboard's ten-year monthly time series (activities.count, 120 windows) for a province
#    and the country: p50/p95, against one naive GROUP BY by window over the raw activities.
# 5. The server's peak memory (VmHWM).
# Writes bench/results/reports-latest.json (reports-postgresql-latest.json on PostgreSQL).
#
# Knobs: BENCH_REPORT_SCALE=national|province|tiny  BENCH_REPORT_REQUESTS=40
#        BENCH_REPORT_ENGINE=sqlite|postgresql
#        BENCH_REPORT_DIR=/var/tmp/antq-bench-reports-<scale> (…-pg-<scale> on PostgreSQL)
#        ANTQ_BIN=build/antq
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
SCALE="${BENCH_REPORT_SCALE:-national}"
REQUESTS="${BENCH_REPORT_REQUESTS:-40}"
ENGINE="${BENCH_REPORT_ENGINE:-sqlite}"
ANTQ_BIN="${ANTQ_BIN:-$ROOT/build/antq}"
PASSWORD="Mat-khau-du-dai-2026"

die() { echo "reports bench: $*" >&2; exit 2; }
note() { echo "reports bench: $*" >&2; }
[ -x "$ANTQ_BIN" ] || die "server binary $ANTQ_BIN not found (run 'make build')."
command -v python3 >/dev/null || die "python3 not found."
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

case "$ENGINE" in
  sqlite)
    DIR="${BENCH_REPORT_DIR:-/var/tmp/antq-bench-reports-$SCALE}"
    OUT="$BENCH_DIR/results/reports-latest.json"
    mkdir -p "$DIR"
    DB="$DIR/antq.db"
    DB_URL="sqlite:$DB"
    PGBIN=""
    ;;
  postgresql)
    DIR="${BENCH_REPORT_DIR:-/var/tmp/antq-bench-reports-pg-$SCALE}"
    OUT="$BENCH_DIR/results/reports-postgresql-latest.json"
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
    [ -x "$PGBIN/initdb" ] || die "PostgreSQL server binaries not found (run scripts/install-deps.sh)."
    mkdir -p "$DIR"
    # initdb refuses root: the cluster belongs to the unprivileged 'postgres' user then.
    RUN=()
    if [ "$(id -u)" -eq 0 ]; then
      id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
      chown postgres "$DIR"
      RUN=(runuser -u postgres --)
    fi
    if [ ! -f "$DIR/pgdata/PG_VERSION" ]; then
      rm -rf "$DIR/pgdata" "$DIR/seeded"
      "${RUN[@]}" "$PGBIN/initdb" -D "$DIR/pgdata" -U antq -A trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
        || { cat "$DIR/initdb.log" >&2; die "initdb failed."; }
    fi
    PGPORT=$(free_port)
    # pg_start [EXTRA SETTINGS…]: the cluster on loopback with PostgreSQL's defaults (durable) and
    # what is given; pg_stop stops it.
    pg_start() {
      "${RUN[@]}" "$PGBIN/pg_ctl" -D "$DIR/pgdata" -l "$DIR/postgresql.log" -w \
        -o "-h 127.0.0.1 -p $PGPORT -k $DIR $*" start >/dev/null || { tail -20 "$DIR/postgresql.log" >&2; die "PostgreSQL did not start."; }
    }
    pg_stop() { "${RUN[@]}" "$PGBIN/pg_ctl" -D "$DIR/pgdata" -m fast stop >/dev/null 2>&1 || true; }
    DB_URL="postgresql://antq@127.0.0.1:$PGPORT/antq_bench"
    ;;
  *) die "BENCH_REPORT_ENGINE must be sqlite or postgresql, not '$ENGINE'." ;;
esac
mkdir -p "$BENCH_DIR/results"

if [ ! -f "$DIR/seeded" ]; then
  note "creating the $SCALE synthetic database ($ENGINE) in $DIR (minutes at national scale, about 45 minutes on PostgreSQL)…"
  if [ "$ENGINE" = sqlite ]; then
    rm -f "$DB" "$DB-wal" "$DB-shm" "$DIR/antq.key"
  else
    # The load is not what is measured: it runs without fsync (a crash during it means starting
    # over, which the missing `seeded` mark does); the measurements run with the defaults.
    pg_start -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=4GB
    trap pg_stop EXIT
    "${RUN[@]}" "$PGBIN/dropdb" --if-exists -h 127.0.0.1 -p "$PGPORT" -U antq antq_bench
    "${RUN[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U antq antq_bench
  fi
  echo "$PASSWORD" | "$ANTQ_BIN" init --db "$DB_URL" --units vn-3tier --admin-password-stdin >/dev/null
  start=$(date +%s.%N)
  "$ANTQ_BIN" seed synthetic --db "$DB_URL" --scale "$SCALE" --seed 1 | tee "$DIR/seed.txt" >&2
  end=$(date +%s.%N)
  python3 -c "print(round($end - $start, 1))" > "$DIR/seed_seconds"
  echo "$PASSWORD" | "$ANTQ_BIN" user add bench --role admin --password-stdin --db "$DB_URL" >/dev/null
  if [ "$ENGINE" = postgresql ]; then
    # the planner's statistics, as autovacuum would have them after a while
    "${RUN[@]}" "$PGBIN/psql" -X -q -h 127.0.0.1 -p "$PGPORT" -U antq antq_bench -c 'VACUUM ANALYZE' >/dev/null
    pg_stop
    trap - EXIT
  fi
  touch "$DIR/seeded"
fi

SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ "$ENGINE" = postgresql ] && pg_stop
  true
}
trap cleanup EXIT
[ "$ENGINE" = postgresql ] && pg_start
PORT=$(free_port)
ANTQ_LOG_LEVEL=warn "$ANTQ_BIN" serve --db "$DB_URL" --listen "127.0.0.1:$PORT" > "$DIR/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null || die "the server did not start (see $DIR/server.log)."

python3 - "$PORT" "$ENGINE" "$DB_URL" "${PGBIN:+$PGBIN/psql}" "$REQUESTS" "$PASSWORD" "$SERVER_PID" "$SCALE" "$DIR" "$OUT" <<'PY'
import datetime, http.client, json, random, sqlite3, statistics, subprocess, sys, time
port, engine, db_url, psql, n, password, pid, scale, d, out = sys.argv[1:5] + [int(sys.argv[5])] + sys.argv[6:11]
class Raw:
    """The reference's own connection to the database: sqlite3, or one psql process per batch of
    statements (its start, measured as `overhead_ms`, is taken off the reference's times)."""
    def __init__(self):
        self.lite = sqlite3.connect(db_url[len("sqlite:"):]) if engine == "sqlite" else None
        self.overhead_ms = 0.0
        if not self.lite:
            runs = []
            for _ in range(5):
                s = time.perf_counter(); self.execute_all([("SELECT 1", ())]); runs.append((time.perf_counter() - s) * 1000)
            self.overhead_ms = statistics.median(runs)
    def execute(self, sql, args=()):
        return self.execute_all([(sql, args)])
    def execute_all(self, statements):
        """Runs the statements in order, in one psql process on PostgreSQL; answers the rows of the
        last one (SQLite) or of all (PostgreSQL: used with one statement when rows matter)."""
        if self.lite:
            rows = []
            for sql, args in statements: rows = self.lite.execute(sql, args).fetchall()
            return rows
        def text(sql, args):
            parts = sql.split("?")
            assert len(parts) == len(args) + 1, sql
            lit = lambda v: str(v) if isinstance(v, int) else "'" + str(v).replace("'", "''") + "'"
            return parts[0] + "".join(lit(a) + p for a, p in zip(args, parts[1:]))
        res = subprocess.run([psql, "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-d", db_url],
                             input="".join(text(sql, args) + ";\n" for sql, args in statements), check=True, capture_output=True, text=True)
        return [tuple(line.split("\t")) for line in res.stdout.splitlines() if line]
conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=120)
conn.request("POST", "/api/v1/auth/login", json.dumps({"username": "bench", "password": password}), {"Content-Type": "application/json"})
r = conn.getresponse(); body = json.loads(r.read())
cookie = r.getheader("Set-Cookie").split(";")[0]
hdr = {"Cookie": cookie}
conn.close()
conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=120)
raw = Raw()
provinces = raw.execute("SELECT code, path FROM units WHERE kind = 'province' AND active = 1 ORDER BY code")
today = datetime.date.today()
rng = random.Random(1)
def period():
    to = today - datetime.timedelta(days=rng.randrange(0, 30))
    return (to.replace(year=to.year - 10) + datetime.timedelta(days=1)).isoformat(), to.isoformat()
def timed(path):
    global conn
    t = time.perf_counter()
    try:
        conn.request("GET", path, headers=hdr); r = conn.getresponse(); b = r.read()
    except (http.client.RemoteDisconnected, ConnectionError):
        conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=120)
        t = time.perf_counter(); conn.request("GET", path, headers=hdr); r = conn.getresponse(); b = r.read()
    if r.status != 200: raise SystemExit(f"{path} -> {r.status} {b[:200]}")
    return (time.perf_counter() - t) * 1000, json.loads(b)
# Latencies of one kind of request for a random province or the whole country, ten years ending
# on a random recent day: the summary, or the dashboard's monthly time series (120 windows from
# the period's first day, so windows that mostly do not start on the 1st, the slower case).
def run(kind, series=False):
    lat = []
    for i in range(n + 5):
        f, t = period()
        unit = "" if kind == "national" else "unit=" + rng.choice(provinces)[0] + "&"
        if series:
            ms, body = timed(f"/api/v1/reports/timeseries?{unit}from={f}&to={t}&metric=activities.count&interval=month")
            if len(body["points"]) not in (120, 121): raise SystemExit(f"{len(body['points'])} points")
        else:
            ms, _ = timed(f"/api/v1/reports/summary?{unit}from={f}&to={t}")
        if i >= 5: lat.append(ms)
    lat.sort()
    return {"p50_ms": round(statistics.median(lat), 2), "p95_ms": round(lat[int(0.95 * (len(lat) - 1))], 2), "requests": len(lat)}
# Its naive reference: one GROUP BY over the raw activities, by window (a window starts on the
# period's day of the month).
def naive_series(path_lo, path_hi, f, t):
    day = int(f[8:10])
    sql = ("SELECT CAST(substr(a.date,1,4) AS INT) * 12 + CAST(substr(a.date,6,2) AS INT) - CASE WHEN CAST(substr(a.date,9,2) AS INT) < ? THEN 1 ELSE 0 END AS w, COUNT(*) "
           "FROM activities a JOIN units u ON u.id = a.unit_id WHERE u.path >= ? AND u.path < ? AND a.date BETWEEN ? AND ? GROUP BY w")
    times = []
    while len(times) < 3 and (not times or times[0] < 20000):
        s = time.perf_counter()
        raw.execute(sql, (day, path_lo, path_hi, f, t))
        times.append((time.perf_counter() - s) * 1000 - raw.overhead_ms)
    return round(statistics.median(times), 1)
# The naive reference: the main figures straight from the raw tables.
def naive(path_lo, path_hi, f, t):
    q = [
      ("SELECT a.type, COUNT(*), SUM(a.participants), SUM(a.quantity) FROM activities a JOIN units u ON u.id = a.unit_id "
       "WHERE u.path >= ? AND u.path < ? AND a.date BETWEEN ? AND ? GROUP BY a.type", (path_lo, path_hi, f, t)),
      ("SELECT a.type, k.code, COUNT(*), SUM(a.participants) FROM activities a JOIN units u ON u.id = a.unit_id JOIN activities_codes k "
       "ON k.record_id = a.id WHERE u.path >= ? AND u.path < ? AND a.date BETWEEN ? AND ? GROUP BY a.type, k.field, k.code", (path_lo, path_hi, f, t)),
      ("SELECT COUNT(*), SUM(outcome_valid), SUM(cases_solved), SUM(suspects_arrested), SUM(wanted_caught) FROM tips x JOIN units u ON u.id = x.unit_id "
       "WHERE u.path >= ? AND u.path < ? AND x.received_at >= ? AND x.received_at < ? AND x.status <> 'duplicate'", (path_lo, path_hi, f, t + "T17")),
      ("SELECT x.outcome, COUNT(*) FROM mediations x JOIN units u ON u.id = x.unit_id WHERE u.path >= ? AND u.path < ? AND x.received_on BETWEEN ? AND ? GROUP BY x.outcome", (path_lo, path_hi, f, t)),
      ("SELECT COUNT(*) FROM reintegration_sessions s JOIN reintegration_people p ON p.id = s.person_id JOIN units u ON u.id = p.unit_id "
       "WHERE u.path >= ? AND u.path < ? AND s.date BETWEEN ? AND ?", (path_lo, path_hi, f, t)),
      ("SELECT g.kind, COUNT(*), SUM(g.members_count) FROM movement_groups g JOIN units u ON u.id = g.unit_id WHERE u.path >= ? AND u.path < ? "
       "AND g.started_on <= ? AND (g.dissolved_on IS NULL OR g.dissolved_on >= ?) GROUP BY g.kind", (path_lo, path_hi, t, f)),
      ("SELECT COUNT(*), SUM(participants), SUM(incidents) FROM patrols x JOIN units u ON u.id = x.unit_id WHERE u.path >= ? AND u.path < ? "
       "AND x.started_at >= ? AND x.started_at < ?", (path_lo, path_hi, f, t + "T17")),
    ]
    # Median of 3; once when one run already takes more than 20 s (national scale).
    times = []
    while len(times) < 3 and (not times or times[0] < 20000):
        s = time.perf_counter()
        raw.execute_all(q)
        times.append((time.perf_counter() - s) * 1000 - raw.overhead_ms)
    return round(statistics.median(times), 1)
# The server first (the naive queries can outlast a session at national scale).
# A report folds what is pending first. After an upgrade whose migration asks for a rebuild of the
# rollup (0032: the running sums), that first fold derives every bucket again: minutes at national
# scale, not part of what is measured. It runs here, before the clock starts.
t0 = time.perf_counter()
fold_conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=7200)
fold_conn.request("GET", "/api/v1/reports/summary?from=2026-01-01&to=2026-01-31", headers=hdr)
fold_resp = fold_conn.getresponse(); fold_resp.read(); fold_conn.close()
if fold_resp.status != 200: raise SystemExit(f"the first report -> {fold_resp.status}")
if time.perf_counter() - t0 > 5: print(f"reports bench: the first report folded what was pending in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
province = run("province")
national = run("national")
series_province = run("province", series=True)
series_national = run("national", series=True)
status = open(f"/proc/{pid}/status").read()
peak_kb = int([l for l in status.splitlines() if l.startswith("VmHWM")][0].split()[1])
f, t = period()
code, path = provinces[len(provinces) // 2]
ref_province = naive(path, path[:-1] + "0", f, t)
ref_national = naive("/", "0", f, t)
ref_series_province = naive_series(path, path[:-1] + "0", f, t)
ref_series_national = naive_series("/", "0", f, t)
rows = {t: int(raw.execute(f"SELECT COUNT(*) FROM {t}")[0][0]) for t in ("units", "activities", "activities_codes", "tips", "mediations", "reintegration_sessions", "movement_groups", "patrols", "rollup_buckets")}
res = {"scale": scale, "engine": engine, "rows": rows, "seed_seconds": float(open(f"{d}/seed_seconds").read()),
       "province_10y": {**province, "naive_ms": ref_province, "ratio": round(ref_province / province["p95_ms"], 1)},
       "national_10y": {**national, "naive_ms": ref_national, "ratio": round(ref_national / national["p95_ms"], 1)},
       "series_province_10y_monthly": {**series_province, "naive_ms": ref_series_province, "ratio": round(ref_series_province / series_province["p95_ms"], 1)},
       "series_national_10y_monthly": {**series_national, "naive_ms": ref_series_national, "ratio": round(ref_series_national / series_national["p95_ms"], 1)},
       "server_peak_rss_mib": round(peak_kb / 1024, 1), "psql_start_ms_taken_off": round(raw.overhead_ms, 1), "target": "summary p95 <= 20 ms and >= 100x the naive query; monthly series p95 <= 50 ms"}
json.dump(res, open(out, "w"), indent=2)
print(f"\nreports bench ({scale}, {engine}): rows {rows}")
print(f"{'':28} {'p50 ms':>8} {'p95 ms':>8} {'naive ms':>10} {'naive/p95':>10}")
for k in ("province_10y", "national_10y", "series_province_10y_monthly", "series_national_10y_monthly"):
    x = res[k]; print(f"{k:28} {x['p50_ms']:>8} {x['p95_ms']:>8} {x['naive_ms']:>10} {x['ratio']:>10}")
ok = all(res[k]["p95_ms"] <= 20 and res[k]["ratio"] >= 100 for k in ("province_10y", "national_10y"))
ok_series = all(res[k]["p95_ms"] <= 50 for k in ("series_province_10y_monthly", "series_national_10y_monthly"))
print(f"server peak RSS {res['server_peak_rss_mib']} MiB; summary target p95 <= 20 ms and >= 100x naive: {'PASS' if ok else 'NOT MET'}; "
      f"monthly series p95 <= 50 ms: {'PASS' if ok_series else 'NOT MET'}")
PY
