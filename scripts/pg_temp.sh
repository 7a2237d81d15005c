#!/usr/bin/env bash
# Start or stop a throw-away PostgreSQL server on loopback for the test suite.
#   scripts/pg_temp.sh start DIR   -> prints a DATABASE_URL on stdout
#   scripts/pg_temp.sh stop DIR
# Uses Debian's PostgreSQL 15 binaries (postgresql-15). As root the server runs as the
# "postgres" user, because PostgreSQL refuses to run as root.
set -euo pipefail
action=${1:?start or stop}
dir=${2:?directory}
port=${PGTEST_PORT:-54329}
bindir=""
for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
  [ -x "$d/initdb" ] && { bindir=$d; break; }
done
if [ -z "$bindir" ]; then
  echo "error: PostgreSQL server binaries not found (apt-get install postgresql-15)" >&2
  exit 1
fi
run() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; else "$@"; fi
}
case "$action" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    run "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    run "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
      "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/lmec"
    ;;
  stop)
    [ -d "$dir/data" ] && run "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
