#!/usr/bin/env bash
# Tips through nginx over 1, 2 and 3 `antq serve` instances on one durable PostgreSQL (make bench;
# issue 16). Not a test: it exits 0 once the measurements ran, whatever the numbers.
#
# For each instance count, deploy/local-cluster.sh starts the deployment we ship on loopback
# (PostgreSQL with fsync=on and synchronous_commit=on, the instances, nginx with
# deploy/nginx/antq-site.conf; no replica), wrk posts tips through nginx (bench/tips.lua: a
# different description on every request) for a warm-up and then BENCH_DURATION, and the
# deployment is removed. Printed per count: tips/s (2xx), p50 and p99, the scaling ratio to one
# instance, and the durability check: every acknowledged tip is a row (rows beyond the
# acknowledged ones are requests in flight when wrk stopped: at most one per connection for each
# of the two wrk runs, warm-up and measure).
#
# On this 2-core machine PostgreSQL, nginx, wrk and the instances share the same two cores, so
# more instances add no CPU: the ratio shows what the extra processes cost or save, not what
# separate machines would give.
#
# Knobs (environment): BENCH_DURATION=10s BENCH_WARMUP=2s BENCH_CONNECTIONS=64 BENCH_THREADS=2
# BENCH_CLUSTER_COUNTS="1 2 3" BENCH_UNIT_CODE=21220 ANTQ_BIN=build/antq
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
DURATION="${BENCH_DURATION:-10s}"
WARMUP="${BENCH_WARMUP:-2s}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
THREADS="${BENCH_THREADS:-2}"
COUNTS="${BENCH_CLUSTER_COUNTS:-1 2 3}"
UNIT_CODE="${BENCH_UNIT_CODE:-21220}"  # a commune of the live list: the cluster has no demo villages
WRK="$(command -v wrk || true)"
[ -n "$WRK" ] || { echo "bench cluster: wrk not found (run scripts/install-deps.sh)" >&2; exit 2; }

STATE=$(mktemp -d /tmp/antq-bench-cluster.XXXXXX)
chmod 0755 "$STATE"  # PostgreSQL runs as its own user (when we are root) and must reach the cluster below
down() { bash "$ROOT/deploy/local-cluster.sh" down "$STATE/cluster" >/dev/null 2>&1 || true; }
trap 'down; rm -rf "$STATE"' EXIT

tips_field() {  # tips_field FILE KEY -> value from the TIPS line
  awk -v k="$2" '/^TIPS / { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) print kv[2] } }' "$1"
}
to_ms() {  # wrk prints us, ms, s
  awk -v v="$1" 'BEGIN { u = v; sub(/[0-9.]+/, "", u); n = v + 0;
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; printf "%.1f", n }'
}

printf '%s\n' "instances|tips/s|p50 ms|p99 ms|ratio to 1|acknowledged|rows added|missing|in flight" >"$STATE/results"
base=""
for n in $COUNTS; do
  echo "bench cluster: $n instance(s): local-cluster up (durable PostgreSQL, nginx)" >&2
  ANTQ_CLUSTER_INSTANCES=$n ANTQ_CLUSTER_REPLICA=0 ANTQ_CLUSTER_DURABLE=1 \
    ANTQ_PUBLIC_RATE_LIMIT=off ANTQ_PUBLIC_CHALLENGE=off ANTQ_LOG_LEVEL=warn \
    bash "$ROOT/deploy/local-cluster.sh" up "$STATE/cluster" >"$STATE/up-$n.log" 2>&1 ||
    { cat "$STATE/up-$n.log" >&2; exit 2; }
  # shellcheck disable=SC1091
  . "$STATE/cluster/cluster.env"
  rows() { psql -qAt "$ANTQ_CLUSTER_PG_URL" -c "SELECT count(*) FROM tips"; }
  before=$(rows)
  "$WRK" -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH_DIR/tips.lua" "$ANTQ_CLUSTER_URL" -- "w$n" "$UNIT_CODE" >"$STATE/warm-$n.txt"
  "$WRK" -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_DIR/tips.lua" "$ANTQ_CLUSTER_URL" -- "m$n" "$UNIT_CODE" >"$STATE/wrk-$n.txt"
  after=$(rows)
  down
  ok=$(tips_field "$STATE/wrk-$n.txt" ok)
  warm=$(tips_field "$STATE/warm-$n.txt" ok)
  dur=$(tips_field "$STATE/wrk-$n.txt" duration_us)
  tps=$(awk -v n="$ok" -v us="$dur" 'BEGIN { printf "%.0f", (us > 0) ? n * 1e6 / us : 0 }')
  p50=$(to_ms "$(awk '$1 == "50%" {print $2; exit}' "$STATE/wrk-$n.txt")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2; exit}' "$STATE/wrk-$n.txt")")
  [ -n "$base" ] || base=$tps
  ratio=$(awk -v a="$tps" -v b="$base" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
  acked=$((ok + warm))
  added=$((after - before))
  missing=$((acked > added ? acked - added : 0))
  extra=$((added > acked ? added - acked : 0))  # in flight when wrk stopped: at most one per connection per wrk run
  printf '%s\n' "$n|$tps|$p50|$p99|$ratio|$acked|$added|$missing|$extra" >>"$STATE/results"
  echo "bench cluster: $n instance(s): $tps tips/s, p99 $p99 ms, ratio $ratio; acknowledged $acked, rows $added, missing $missing;" \
    "other statuses $(tips_field "$STATE/wrk-$n.txt" statuses)" >&2
done
echo "bench cluster: tips through nginx, wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, PostgreSQL fsync=on synchronous_commit=on"
column -t -s '|' "$STATE/results"
