#!/usr/bin/env bash
# The whole suite: lint, then pytest on SQLite and on a throw-away PostgreSQL 15 server.
# Browser tests use Debian's chromium (found on PATH). On CI (CI=true) the system packages
# are installed first; elsewhere a missing one is reported and its part skipped loudly.
#
# The two databases' runs go side by side, one per core (the suite is CPU-bound Python and
# the machine has two), each into its own log under test-artefacts/, printed when both end;
# a line of progress comes every minute. LMEC_TEST_SERIAL=1 runs them one after the other,
# streaming the output (a one-core machine, or to watch a run).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export PYTHONDONTWRITEBYTECODE=1

if [ "${CI:-}" = "true" ]; then
  scripts/install_system_deps.sh
fi

echo "== lint (ruff)"
$BIN/ruff check .
$BIN/ruff format --check .

mkdir -p test-artefacts
pytest=($BIN/python -m pytest -p no:cacheprovider "$@")

pgdir=$(mktemp -d /tmp/lmec-pg.XXXXXX)
chmod 755 "$pgdir"
trap 'scripts/pg_temp.sh stop "$pgdir/pg"; rm -rf "$pgdir"' EXIT
if ! pg_url=$(scripts/pg_temp.sh start "$pgdir/pg"); then
  echo "PostgreSQL could not be started; install postgresql-15 (CI does this itself)." >&2
  pg_url=""
fi

if [ "${LMEC_TEST_SERIAL:-}" = "1" ]; then
  status=0
  echo "== tests on SQLite"
  DATABASE_URL= "${pytest[@]}" || status=$?
  if [ -n "$pg_url" ]; then
    echo "== tests on PostgreSQL"
    DATABASE_URL=$pg_url "${pytest[@]}" || status=$?
  else
    status=1
  fi
  exit $status
fi

progress() {  # the last "[ 42%]" of a pytest log, or "starting"
  local last
  last=$(grep -o '\[ *[0-9]*%\]' "$1" 2>/dev/null | tail -n 1 | tr -d '[] ')
  echo "${last:-starting}"
}

logs=(test-artefacts/pytest-sqlite.log test-artefacts/pytest-postgresql.log)
echo "== tests on SQLite and on PostgreSQL, side by side (${logs[*]})"
started=$SECONDS
DATABASE_URL= "${pytest[@]}" >"${logs[0]}" 2>&1 &
sqlite_pid=$!
pg_pid=""
if [ -n "$pg_url" ]; then
  DATABASE_URL=$pg_url "${pytest[@]}" >"${logs[1]}" 2>&1 &
  pg_pid=$!
else
  echo "not run: PostgreSQL did not start" >"${logs[1]}"
fi
while kill -0 $sqlite_pid 2>/dev/null || { [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; }; do
  sleep 5
  if (((SECONDS - started) % 60 < 5)); then
    echo "   $(((SECONDS - started) / 60)) min: SQLite $(progress "${logs[0]}"), PostgreSQL $(progress "${logs[1]}")"
  fi
done
sqlite_status=0
pg_status=1
wait $sqlite_pid || sqlite_status=$?
if [ -n "$pg_pid" ]; then
  pg_status=0
  wait "$pg_pid" || pg_status=$?
fi

echo "== tests on SQLite (exit $sqlite_status)"
cat "${logs[0]}"
echo "== tests on PostgreSQL (exit $pg_status)"
cat "${logs[1]}"
echo "== SQLite: $(tail -n 1 "${logs[0]}")"
echo "== PostgreSQL: $(tail -n 1 "${logs[1]}")"
[ $sqlite_status -eq 0 ] && [ $pg_status -eq 0 ]
