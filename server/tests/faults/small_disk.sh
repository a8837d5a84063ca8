#!/bin/sh
# small_disk.sh SIZE MOUNTPOINT SEED_DIR COMMAND [ARGS...]
# Run inside a private mount namespace (`unshare --mount`, or `unshare --user --map-root-user
# --mount` without root): mounts a tmpfs of SIZE at MOUNTPOINT, copies SEED_DIR's files into it,
# then replaces itself with COMMAND. The tmpfs is seen only by COMMAND (and by whoever enters its
# namespace with nsenter or goes through /proc/PID/root), and it vanishes with the process.
set -eu
size=$1 mnt=$2 seed=$3
shift 3
mount -t tmpfs -o "size=$size,mode=0700" antq-small-disk "$mnt"
cp -a "$seed"/. "$mnt"/
exec "$@"
