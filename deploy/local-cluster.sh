#!/usr/bin/env bash
# A whole ANTQ deployment on loopback, for trying the multi-instance setup and for the tests:
# a PostgreSQL primary, one streaming replica (pg_basebackup -R), N `antq serve` instances on the
# primary sharing one data key and one attachments directory, and nginx in front with the shipped
# site file (deploy/nginx/antq-site.conf). Free ports are picked on 127.0.0.1.
#
#   deploy/local-cluster.sh up     [STATE_DIR]   start everything, print the URLs (again: "already up")
#   deploy/local-cluster.sh down   [STATE_DIR]   stop and remove everything (nothing there: fine)
#   deploy/local-cluster.sh status [STATE_DIR]   what runs
#
# STATE_DIR defaults to $ANTQ_CLUSTER_DIR or /tmp/antq-cluster. `up` writes STATE_DIR/cluster.env
# (shell variables: ANTQ_CLUSTER_URL, ANTQ_CLUSTER_PG_URL, ANTQ_CLUSTER_REPLICA_URL, the instance
# ports and pid files, the admin password); source it to use the cluster.
#
# Settings of `up` (environment):
#   ANTQ_BIN                    the server binary (default build/antq); copied into STATE_DIR so a
#                               rebuild does not change what runs
#   ANTQ_CLUSTER_INSTANCES      number of antq instances (default 3)
#   ANTQ_CLUSTER_REPLICA        1 (default) or 0: no streaming replica
#   ANTQ_CLUSTER_DURABLE        1 (default: fsync=on, synchronous_commit=on, full_page_writes=on) or 0
#   ANTQ_*                      any other server setting (README "Cấu hình") reaches every instance,
#                               e.g. ANTQ_PUBLIC_CHALLENGE_BITS=4
# When run as root, PostgreSQL runs as the unprivileged `postgres` user (initdb refuses root), as in
# scripts/with-postgres.sh. nginx runs with its own prefix, config and pid file, never as the system service.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cmd=${1:-}
STATE=${2:-${ANTQ_CLUSTER_DIR:-/tmp/antq-cluster}}
case "$cmd" in up | down | status) ;; *)
  sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
  ;;
esac
STATE=$(realpath -m "$STATE")

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
RUN=()
if [ "$(id -u)" -eq 0 ]; then RUN=(runuser -u postgres --); fi

say() { echo "local-cluster: $*"; }
die() {
  echo "local-cluster: $*" >&2
  exit 1
}

# A port below Linux's ephemeral range (32768+) where nothing answers and that this run has not
# handed out yet (so no client socket holds it either).
taken=" "
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 12000))
    case "$taken" in *" $p "*) continue ;; esac
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then continue; fi
    taken="$taken$p "
    echo "$p"
    return 0
  done
  die "no free port found"
}

# Is the process in PIDFILE alive and ours (its command line names STATE)? A recycled pid is not.
alive() {
  local pid
  [ -s "$1" ] || return 1
  pid=$(head -n1 "$1")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$STATE"
}

# The HTTP status of a GET (000 when nothing answers).
http_status() { curl -s -o /dev/null -m 2 -w '%{http_code}' "$1" 2>/dev/null || true; }

# An instance is ready when /readyz answers {"status":"ready"}; a server without /readyz (a 404,
# or the web app's page) when /healthz answers 200.
instance_ready() {
  local body
  body=$(curl -s -m 2 "http://127.0.0.1:$1/readyz" 2>/dev/null || true)
  case "$body" in
    *'"status":"ready"'* | *'"status": "ready"'*) return 0 ;;
    *not_ready*) return 1 ;;
  esac
  [ "$(http_status "http://127.0.0.1:$1/healthz")" = 200 ]
}

pg_stop() {
  [ -f "$1/PG_VERSION" ] || return 0
  "${RUN[@]}" "$PGBIN/pg_ctl" -D "$1" -m fast -t 20 stop >/dev/null 2>&1 ||
    "${RUN[@]}" "$PGBIN/pg_ctl" -D "$1" -m immediate stop >/dev/null 2>&1 || true
}

# Stops the process of PIDFILE (SIGNAL, then KILL after SECONDS), only if it is ours.
stop_pid() {
  local pidfile=$1 seconds=$2 signal=${3:-TERM} pid
  alive "$pidfile" || return 0
  pid=$(head -n1 "$pidfile")
  kill "-$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((seconds * 10))); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

down() {
  [ -d "$STATE" ] || return 0
  stop_pid "$STATE/nginx/nginx.pid" 5 TERM
  # All instances at once: each answers 503 on /readyz for drain_seconds (5) before it stops.
  local f
  for f in "$STATE"/run/antq-*.pid; do
    [ -e "$f" ] && stop_pid "$f" 20 &
  done
  wait
  if [ -n "$PGBIN" ]; then
    pg_stop "$STATE/pg/replica"
    pg_stop "$STATE/pg/primary"
  fi
  # Only what this script creates: a state directory it did not make is left alone.
  if [ -f "$STATE/.antq-local-cluster" ] || [ -z "$(ls -A "$STATE" 2>/dev/null)" ]; then
    rm -rf "$STATE"
  else
    die "$STATE was not made by local-cluster.sh; not removing it"
  fi
}

status() {
  [ -f "$STATE/cluster.env" ] || {
    say "not up ($STATE)"
    return 1
  }
  # shellcheck disable=SC1091
  . "$STATE/cluster.env"
  local down_count=0 i=0
  for port in $ANTQ_CLUSTER_INSTANCE_PORTS; do
    i=$((i + 1))
    if alive "$STATE/run/antq-$i.pid"; then say "antq-$i  http://127.0.0.1:$port  pid $(cat "$STATE/run/antq-$i.pid")"; else
      say "antq-$i  http://127.0.0.1:$port  NOT RUNNING"
      down_count=$((down_count + 1))
    fi
  done
  if alive "$STATE/nginx/nginx.pid"; then say "nginx   $ANTQ_CLUSTER_URL"; else
    say "nginx   NOT RUNNING"
    down_count=$((down_count + 1))
  fi
  if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$ANTQ_CLUSTER_PG_PORT"; then say "primary $ANTQ_CLUSTER_PG_URL"; else
    say "primary NOT RUNNING"
    down_count=$((down_count + 1))
  fi
  if [ -n "$ANTQ_CLUSTER_REPLICA_URL" ]; then
    if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$ANTQ_CLUSTER_REPLICA_PORT"; then say "replica $ANTQ_CLUSTER_REPLICA_URL"; else
      say "replica NOT RUNNING"
      down_count=$((down_count + 1))
    fi
  fi
  [ "$down_count" -eq 0 ]
}

failed_up() {
  echo "local-cluster: up failed; the end of the logs:" >&2
  tail -n 15 "$STATE"/logs/*.log "$STATE"/pg/*.log >&2 2>/dev/null || true
  down || true
}

pg_start() { # DATADIR PORT LOG
  "${RUN[@]}" "$PGBIN/pg_ctl" -D "$1" -l "$3" -w -t 60 -o "-p $2" start >/dev/null ||
    {
      cat "$3" >&2
      return 1
    }
}

up() {
  if [ -f "$STATE/cluster.env" ]; then
    if status >/dev/null; then
      say "already up ($STATE)"
      status
      return 0
    fi
    status || true
    die "partly up in $STATE: run '$0 down $STATE' first"
  fi
  [ -x "$PGBIN/initdb" ] || die "PostgreSQL server binaries not found (run scripts/install-deps.sh)"
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || die "nginx not found (run scripts/install-deps.sh)"
  local nginx_bin antq_src instances replica durable
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  antq_src=${ANTQ_BIN:-$ROOT/build/antq}
  [ -x "$antq_src" ] || die "server binary $antq_src not found (make build, or set ANTQ_BIN)"
  instances=${ANTQ_CLUSTER_INSTANCES:-3}
  replica=${ANTQ_CLUSTER_REPLICA:-1}
  durable=${ANTQ_CLUSTER_DURABLE:-1}

  # Anything that fails from here on removes what was started.
  trap 'failed_up' EXIT
  mkdir -p "$STATE"/{bin,run,logs,pg,attachments,nginx}
  touch "$STATE/.antq-local-cluster"
  chmod 0755 "$STATE"
  cp "$antq_src" "$STATE/bin/antq"
  local ANTQ="$STATE/bin/antq"
  # A binary copied while it is being linked is empty or cut short: refuse it here, not later.
  [ -n "$("$ANTQ" version 2>/dev/null)" ] || die "$antq_src does not run ('antq version' printed nothing); is it being rebuilt?"

  # PostgreSQL primary, durable by default (a test that cuts corners here would measure the wrong thing).
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
    chown postgres "$STATE/pg"
  fi
  local pg_port replica_port=""
  pg_port=$(free_port)
  "${RUN[@]}" "$PGBIN/initdb" -D "$STATE/pg/primary" -U antq -A trust -E UTF8 --locale=C.UTF-8 >"$STATE/logs/initdb.log" 2>&1
  local sync=on
  [ "$durable" = 1 ] || sync=off
  # pg_hba.conf from initdb -A trust already lets loopback connect for replication.
  "${RUN[@]}" tee -a "$STATE/pg/primary/postgresql.conf" >/dev/null <<EOF
# local-cluster.sh
listen_addresses = '127.0.0.1'
unix_socket_directories = '$STATE/pg'
max_connections = 300
shared_buffers = 128MB
fsync = $sync
synchronous_commit = $sync
full_page_writes = $sync
wal_level = replica
max_wal_senders = 5
wal_keep_size = 256MB
hot_standby = on
EOF
  pg_start "$STATE/pg/primary" "$pg_port" "$STATE/pg/primary.log"
  "${RUN[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$pg_port" -U antq antq
  local pg_url="postgresql://antq@127.0.0.1:$pg_port/antq" replica_url=""

  if [ "$replica" = 1 ]; then
    replica_port=$(free_port)
    "${RUN[@]}" "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U antq -D "$STATE/pg/replica" -R -X stream -c fast \
      >"$STATE/logs/basebackup.log" 2>&1
    pg_start "$STATE/pg/replica" "$replica_port" "$STATE/pg/replica.log"
    replica_url="postgresql://antq@127.0.0.1:$replica_port/antq"
  fi

  # Schema, unit catalogue and the admin account; one data key for every instance.
  local admin_password
  admin_password="Cluster-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  export ANTQ_DATA_KEY_FILE="$STATE/antq.key"
  export ANTQ_ATTACHMENTS_DIR="$STATE/attachments"
  export ANTQ_TRUST_FORWARDED_FOR=true
  export ANTQ_DRAIN_SECONDS=${ANTQ_DRAIN_SECONDS:-5}
  (cd "$STATE" && printf '%s\n' "$admin_password" | "$ANTQ" init --db "$pg_url" --admin-password-stdin >"$STATE/logs/init.log" 2>&1)

  local ports="" web_root="$ROOT/web/dist" i port
  for i in $(seq 1 "$instances"); do
    port=$(free_port)
    ports="$ports${ports:+ }$port"
    # setsid: the instance is not in this shell's process group, so ^C here does not reach it.
    # With a replica, the dashboard's figures are read there while it keeps up (db_replica).
    (cd "$STATE" && ANTQ_DB_REPLICA="$replica_url" exec setsid "$ANTQ" serve --db "$pg_url" --listen "127.0.0.1:$port" --web-root "$web_root" \
      </dev/null >>"$STATE/logs/antq-$i.log" 2>&1) &
    echo $! >"$STATE/run/antq-$i.pid"
  done
  i=0
  for port in $ports; do
    i=$((i + 1))
    for _ in $(seq 1 300); do
      instance_ready "$port" && break
      alive "$STATE/run/antq-$i.pid" || die "antq-$i exited; see $STATE/logs/antq-$i.log"
      sleep 0.1
    done
    instance_ready "$port" || die "antq-$i is not ready after 30 s; see $STATE/logs/antq-$i.log"
  done

  # nginx: the shipped site file, an upstream block naming the instances.
  local nginx_port
  nginx_port=$(free_port)
  {
    echo "# Generated by deploy/local-cluster.sh: the instances of this cluster."
    echo "upstream antq {"
    for port in $ports; do echo "    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"; done
    echo "    keepalive 64;"
    echo "}"
  } >"$STATE/nginx/upstream.conf"
  cat >"$STATE/nginx/nginx.conf" <<EOF
# Generated by deploy/local-cluster.sh.
worker_processes 2;
pid $STATE/nginx/nginx.pid;
error_log $STATE/logs/nginx-error.log warn;
events { worker_connections 1024; }
http {
    # Which instance(s) answered each request, and the Idempotency-Key: the acceptance test reads it.
    log_format antq_cluster '\$msec \$request_method \$uri \$status key=\$http_idempotency_key '
                            'upstream=\$upstream_addr upstream_status=\$upstream_status time=\$request_time';
    access_log $STATE/logs/nginx-access.log antq_cluster;
    client_body_temp_path $STATE/nginx/client_body;
    proxy_temp_path $STATE/nginx/proxy;
    fastcgi_temp_path $STATE/nginx/fastcgi;
    uwsgi_temp_path $STATE/nginx/uwsgi;
    scgi_temp_path $STATE/nginx/scgi;
    include $STATE/nginx/upstream.conf;
    server {
        listen 127.0.0.1:$nginx_port;
        include $ROOT/deploy/nginx/antq-site.conf;
    }
}
EOF
  "$nginx_bin" -t -q -p "$STATE/nginx" -e "$STATE/logs/nginx-error.log" -c "$STATE/nginx/nginx.conf"
  "$nginx_bin" -p "$STATE/nginx" -e "$STATE/logs/nginx-error.log" -c "$STATE/nginx/nginx.conf"
  for _ in $(seq 1 50); do
    [ "$(http_status "http://127.0.0.1:$nginx_port/healthz")" = 200 ] && break
    sleep 0.1
  done
  [ "$(http_status "http://127.0.0.1:$nginx_port/healthz")" = 200 ] || die "nginx does not answer on $nginx_port"

  umask 077
  cat >"$STATE/cluster.env" <<EOF
# Written by deploy/local-cluster.sh up; removed by down.
ANTQ_CLUSTER_DIR='$STATE'
ANTQ_CLUSTER_URL='http://127.0.0.1:$nginx_port'
ANTQ_CLUSTER_PG_URL='$pg_url'
ANTQ_CLUSTER_PG_PORT='$pg_port'
ANTQ_CLUSTER_REPLICA_URL='$replica_url'
ANTQ_CLUSTER_REPLICA_PORT='$replica_port'
ANTQ_CLUSTER_INSTANCE_PORTS='$ports'
ANTQ_CLUSTER_BIN='$ANTQ'
ANTQ_CLUSTER_ADMIN_USER='admin'
ANTQ_CLUSTER_ADMIN_PASSWORD='$admin_password'
EOF
  trap - EXIT
  say "up in $STATE"
  say "nginx:    http://127.0.0.1:$nginx_port"
  i=0
  for port in $ports; do
    i=$((i + 1))
    say "antq-$i:   http://127.0.0.1:$port (pid $(cat "$STATE/run/antq-$i.pid"), log $STATE/logs/antq-$i.log)"
  done
  say "primary:  $pg_url"
  [ -z "$replica_url" ] || say "replica:  $replica_url"
  say "admin:    admin / password in $STATE/cluster.env"
  say "settings: $STATE/cluster.env; stop with: $0 down $STATE"
}

case "$cmd" in
  up) up ;;
  down)
    down
    say "down ($STATE)"
    ;;
  status) status ;;
esac
