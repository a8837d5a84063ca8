#!/usr/bin/env bash
# Acceptance test of issue 16: through nginx (the shipped deploy/nginx/antq-site.conf) over three
# antq instances on one durable PostgreSQL, under write load (citizens' tips and officers'
# activities, each with an Idempotency-Key the client sends again after any error), kill -9 one
# instance in the middle. deploy/tests/cluster-kill-client.mjs drives the load and checks:
# every acknowledged write is stored exactly once, no record twice, and the only errors clients
# see belong to requests in flight at the kill. Exits non-zero with the reasons otherwise.
#
#   bash deploy/tests/cluster-kill-test.sh        (needs build/antq, or ANTQ_BIN)
# Settings: CLUSTER_KILL_SECONDS (load, default 12), CLUSTER_KILL_AT (default 5),
# CLUSTER_KILL_KEEP=1 keeps the state directory and logs for a look afterwards.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
started=$SECONDS

bin=${ANTQ_BIN:-$ROOT/build/antq}
[ -x "$bin" ] || {
  echo "cluster-kill: $bin not found (make build, or set ANTQ_BIN)" >&2
  exit 1
}
state=$(mktemp -d /tmp/antq-cluster-test.XXXXXX)
rmdir "$state" # local-cluster.sh makes it, and so removes only what it made
work=$(mktemp -d /tmp/antq-cluster-kill.XXXXXX)
cleanup() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "cluster-kill: the end of the instances' logs:" >&2
    tail -n 20 "$state"/logs/antq-*.log "$state"/logs/nginx-error.log >&2 2>/dev/null || true
  fi
  if [ "${CLUSTER_KILL_KEEP:-0}" = 1 ]; then
    echo "cluster-kill: kept $state and $work; remove with: $ROOT/deploy/local-cluster.sh down $state" >&2
  else
    "$ROOT/deploy/local-cluster.sh" down "$state" >/dev/null || true
    rm -rf "$work"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# First the retry rules of the shipped nginx site file, against stub upstreams (a second or two).
node "$ROOT/deploy/tests/nginx-retry-test.mjs"

# What a test may change in the server (README "Cấu hình"): a light proof of work and per-address
# limits high enough for one test client; the limits and the challenge stay on. No replica: it
# plays no part here.
export ANTQ_BIN="$bin"
export ANTQ_CLUSTER_INSTANCES=3 ANTQ_CLUSTER_REPLICA=0 ANTQ_CLUSTER_DURABLE=1
export ANTQ_PUBLIC_CHALLENGE=on ANTQ_PUBLIC_CHALLENGE_BITS=4 ANTQ_PUBLIC_RATE_LIMIT=on
export ANTQ_PUBLIC_TIPS_PER_HOUR=1000000 ANTQ_PUBLIC_TIPS_PER_HOUR_PER_UNIT=1000000
export ANTQ_LOG_LEVEL=warn ANTQ_DRAIN_SECONDS=1
"$ROOT/deploy/local-cluster.sh" up "$state"
# shellcheck disable=SC1091
. "$state/cluster.env"

unit=$(psql "$ANTQ_CLUSTER_PG_URL" -X -A -t -c "SELECT code FROM units WHERE kind = 'commune' AND active = 1 ORDER BY code LIMIT 1")
[ -n "$unit" ] || {
  echo "cluster-kill: no commune in the database" >&2
  exit 1
}
read -r -a ports <<<"$ANTQ_CLUSTER_INSTANCE_PORTS"
victim_pid=$(cat "$state/run/antq-2.pid")
victim_port=${ports[1]}
run="r$(date +%s)$RANDOM"
cat >"$work/config.json" <<EOF
{
  "url": "$ANTQ_CLUSTER_URL",
  "unit": "$unit",
  "date": "$(date -u -d yesterday +%F)",
  "admin_user": "$ANTQ_CLUSTER_ADMIN_USER",
  "admin_password": "$ANTQ_CLUSTER_ADMIN_PASSWORD",
  "victim_pid": $victim_pid,
  "victim_port": $victim_port,
  "run": "$run",
  "seconds": ${CLUSTER_KILL_SECONDS:-12},
  "kill_at": ${CLUSTER_KILL_AT:-5},
  "tip_workers": 8,
  "activity_workers": 8,
  "pg_url": "$ANTQ_CLUSTER_PG_URL",
  "nginx_log": "$state/logs/nginx-access.log"
}
EOF
echo "cluster-kill: load through $ANTQ_CLUSTER_URL on instances $ANTQ_CLUSTER_INSTANCE_PORTS; kill -9 the one on $victim_port"
timeout 150 node "$ROOT/deploy/tests/cluster-kill-client.mjs" "$work/config.json" "$work/result.json"
echo "cluster-kill: passed in $((SECONDS - started)) s"
