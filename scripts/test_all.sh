#!/usr/bin/env bash
# The whole suite: lint, then pytest on SQLite, then on a throw-away PostgreSQL 15 server.
# Browser tests use Debian's chromium (found on PATH). On CI (CI=true) the system packages
# are installed first; elsewhere a missing one is reported and its part skipped loudly.
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
status=0

echo "== tests on SQLite"
DATABASE_URL= $BIN/python -m pytest -p no:cacheprovider "$@" || status=$?

if [ $status -eq 0 ]; then
  echo "== tests on PostgreSQL"
  pgdir=$(mktemp -d /tmp/lmec-pg.XXXXXX)
  chmod 755 "$pgdir"
  trap 'scripts/pg_temp.sh stop "$pgdir/pg"; rm -rf "$pgdir"' EXIT
  if url=$(scripts/pg_temp.sh start "$pgdir/pg"); then
    DATABASE_URL=$url $BIN/python -m pytest -p no:cacheprovider "$@" || status=$?
  else
    echo "PostgreSQL could not be started; install postgresql-15 (CI does this itself)." >&2
    status=1
  fi
fi
exit $status
