#!/usr/bin/env bash
# pg_cluster.sh init|start|stop|destroy DIR — a private PostgreSQL cluster on loopback for the
# fault tests, which stop and start it under load: the shared cluster of scripts/with-postgres.sh
# serves the other tests running in parallel and must not go away under them.
#   init DIR     initdb, start, create database antq_test; prints the URL on stdout
#   stop DIR     pg_ctl stop -m fast (clients see 57P01, then refused connections)
#   start DIR    start again on the same port (waits until it accepts connections)
#   destroy DIR  stop -m immediate and remove DIR
# Durable settings except fsync (a thrown-away cluster needs no power-loss safety; a fast stop
# still flushes every committed transaction, so nothing acknowledged may be missing afterwards).
set -euo pipefail
cmd=$1 dir=$2
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
[ -x "$PGBIN/initdb" ] || { echo "pg_cluster: PostgreSQL server binaries not found" >&2; exit 1; }
RUN=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
  RUN=(runuser -u postgres --)
fi
start() {
  "${RUN[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-h 127.0.0.1 -p $(cat "$dir/port") -k $dir -c fsync=off -c max_connections=100" start >/dev/null
}
case "$cmd" in
  init)
    mkdir -p "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres "$dir"
    "${RUN[@]}" "$PGBIN/initdb" -D "$dir/data" -U antq -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    for _ in $(seq 1 10); do
      p=$((20000 + RANDOM % 12000))
      if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then continue; fi
      echo "$p" >"$dir/port"
      [ "$(id -u)" -ne 0 ] || chown postgres "$dir/port"
      if start; then break; fi
      rm -f "$dir/port"
    done
    [ -f "$dir/port" ] || { echo "pg_cluster: PostgreSQL did not start" >&2; cat "$dir/server.log" >&2; exit 1; }
    "${RUN[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$(cat "$dir/port")" -U antq antq_test
    echo "postgresql://antq@127.0.0.1:$(cat "$dir/port")/antq_test"
    ;;
  stop) "${RUN[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null ;;
  start) start ;;
  destroy)
    "${RUN[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "pg_cluster: unknown command '$cmd'" >&2; exit 2 ;;
esac
