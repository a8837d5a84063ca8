#!/usr/bin/env bash
# ANTQ backup benchmark (make bench; issue 14, part 4). Not a test: it exits 0 once the
# measurements ran, whatever the numbers; non-zero only when it could not run.
#
# The benchmark database of bench/reports.sh ($BENCH_REPORT_DIR, the synthetic data at
# $BENCH_REPORT_SCALE; made the same way when reports.sh has not made it yet), served by a running
# `antq serve` as in production. Measured in the same run, page cache warm for both:
#   copy    cp of the database file, then fsync of the copy (what a backup must at least cost);
#   backup  `antq backup` (SQLite's online backup API into a new file, fsync'd, renamed),
# each BENCH_BACKUP_RUNS times (default 3, median), alternating. Prints MB/s of each and the ratio
# backup ÷ copy; writes bench/results/backup-latest.json.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
SCALE="${BENCH_REPORT_SCALE:-national}"
DIR="${BENCH_REPORT_DIR:-/var/tmp/antq-bench-reports-$SCALE}"
RUNS="${BENCH_BACKUP_RUNS:-3}"
ANTQ_BIN="${ANTQ_BIN:-$ROOT/build/antq}"
PASSWORD="Mat-khau-du-dai-2026"

die() { echo "backup bench: $*" >&2; exit 2; }
note() { echo "backup bench: $*" >&2; }
[ -x "$ANTQ_BIN" ] || die "server binary $ANTQ_BIN not found (run 'make build')."
command -v python3 >/dev/null || die "python3 not found."

mkdir -p "$DIR" "$BENCH_DIR/results"
DB="$DIR/antq.db"
if [ ! -f "$DIR/seeded" ]; then
  rm -f "$DB" "$DB-wal" "$DB-shm" "$DIR/antq.key"
  note "creating the $SCALE synthetic database in $DIR (minutes at national scale)…"
  echo "$PASSWORD" | "$ANTQ_BIN" init --db "sqlite:$DB" --units vn-3tier --admin-password-stdin >/dev/null
  start=$(date +%s.%N)
  "$ANTQ_BIN" seed synthetic --db "sqlite:$DB" --scale "$SCALE" --seed 1 | tee "$DIR/seed.txt" >&2
  end=$(date +%s.%N)
  python3 -c "print(round($end - $start, 1))" > "$DIR/seed_seconds"
  echo "$PASSWORD" | "$ANTQ_BIN" user add bench --role admin --password-stdin --db "sqlite:$DB" >/dev/null
  touch "$DIR/seeded"
fi

WORK=$(mktemp -d "$DIR/backup-bench.XXXXXX")
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ANTQ_LOG_LEVEL=warn "$ANTQ_BIN" serve --db "sqlite:$DB" --listen "127.0.0.1:$PORT" > "$WORK/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null || die "the server did not start (see $WORK/server.log)."

python3 - "$ANTQ_BIN" "$DB" "$WORK" "$RUNS" "$SCALE" "$BENCH_DIR/results/backup-latest.json" <<'PY'
import json, os, shutil, statistics, subprocess, sys, time
antq, db, work, runs, scale, out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6]
def copy(i):
    dst = f"{work}/copy-{i}.db"
    t = time.perf_counter()
    shutil.copyfile(db, dst)
    fd = os.open(dst, os.O_RDONLY); os.fsync(fd); os.close(fd)
    s = time.perf_counter() - t
    size = os.path.getsize(dst); os.remove(dst)
    return s, size
def backup(i):
    dst = f"{work}/backup-{i}.bak"
    t = time.perf_counter()
    subprocess.run([antq, "backup", "--db", f"sqlite:{db}", "--out", dst], check=True, stdout=subprocess.DEVNULL)
    s = time.perf_counter() - t
    size = os.path.getsize(dst); os.remove(dst)
    return s, size
copies, backups = [], []
for i in range(runs):
    copies.append(copy(i)); backups.append(backup(i))
mb = lambda r: r[1] / 1e6 / r[0]
copy_mbs = statistics.median(mb(r) for r in copies)
backup_mbs = statistics.median(mb(r) for r in backups)
res = {"scale": scale, "database_mb": round(os.path.getsize(db) / 1e6, 1), "runs": runs,
       "copy_mb_per_s": round(copy_mbs, 1), "backup_mb_per_s": round(backup_mbs, 1),
       "backup_seconds": round(statistics.median(r[0] for r in backups), 2),
       "ratio_backup_to_copy": round(backup_mbs / copy_mbs, 2)}
json.dump(res, open(out, "w"), indent=2)
print(f"\nbackup bench ({scale}, database {res['database_mb']} MB, server running, median of {runs}):")
print(f"  copy (cp + fsync)   {res['copy_mb_per_s']:>8} MB/s")
print(f"  antq backup         {res['backup_mb_per_s']:>8} MB/s  ({res['backup_seconds']} s)")
print(f"  ratio backup/copy   {res['ratio_backup_to_copy']:>8}")
PY
