#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster on loopback, removed afterwards.
# The command sees ANTQ_TEST_PG_URL=postgresql://antq@127.0.0.1:PORT/antq_test, and
# ANTQ_TEST_PG_REPLICA_PORT: a hot standby streaming from it (the replica tests of db_replica).
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
[ -x "$PGBIN/initdb" ] || { echo "with-postgres: PostgreSQL server binaries not found (run scripts/install-deps.sh)" >&2; exit 1; }

dir=$(mktemp -d /tmp/antq-pg.XXXXXX)
# initdb refuses to run as root: run the cluster as the unprivileged 'postgres' user when we are root.
RUN=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
  chown postgres "$dir"
  RUN=(runuser -u postgres --)
fi
cleanup() {
  "${RUN[@]}" "$PGBIN/pg_ctl" -D "$dir/replica" -m immediate stop >/dev/null 2>&1 || true
  "${RUN[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${RUN[@]}" "$PGBIN/initdb" -D "$dir/data" -U antq -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
# start_cluster DATADIR NAME: starts that cluster on a port below Linux's ephemeral range (32768+)
# where nothing answers, so no client socket holds it either (tried again with another port if
# PostgreSQL still cannot bind it), and prints the port. fsync off: a test cluster that is thrown
# away needs no durability, and it saves minutes (the primary's commits are asynchronous too).
start_cluster() {
  local data=$1 name=$2 p
  for _ in $(seq 1 10); do
    p=$((20000 + RANDOM % 12000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then continue; fi
    if "${RUN[@]}" "$PGBIN/pg_ctl" -D "$data" -l "$dir/$name.log" -w \
         -o "-h 127.0.0.1 -p $p -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
         start >/dev/null; then
      echo "$p"
      return 0
    fi
  done
  echo "with-postgres: PostgreSQL ($name) did not start" >&2
  cat "$dir/$name.log" >&2
  return 1
}
port=$(start_cluster "$dir/data" server)
"${RUN[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U antq antq_test
export ANTQ_TEST_PG_URL="postgresql://antq@127.0.0.1:$port/antq_test"

# The standby: a base backup of the cluster (initdb's trust rules admit replication from loopback;
# a fast checkpoint, not a spread one that takes minutes), started with the primary's settings (a
# standby needs max_connections at least the primary's).
"${RUN[@]}" "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$port" -U antq -D "$dir/replica" -R -X stream -c fast >"$dir/basebackup.log" 2>&1 \
  || { echo "with-postgres: the replica's base backup failed" >&2; cat "$dir/basebackup.log" >&2; exit 1; }
replica_port=$(start_cluster "$dir/replica" replica)
export ANTQ_TEST_PG_REPLICA_PORT="$replica_port"
echo "with-postgres: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, its replica on :$replica_port"
"$@"
