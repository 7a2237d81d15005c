#!/usr/bin/env bash
# One command for benchmarks/monitoring_api.py: a throw-away PostgreSQL 15 (scripts/pg_temp.sh),
# 10.5 M measurements generated into it, the requests timed, the server removed.
#   benchmarks/monitoring_api.sh [--stations 200] [--repeat 20]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d /tmp/lmec-bench-pg.XXXXXX)
chmod 755 "$dir"
export PGTEST_PORT=${PGTEST_PORT:-54390}
trap 'scripts/pg_temp.sh stop "$dir/pg"; rm -rf "$dir"' EXIT
url=$(scripts/pg_temp.sh start "$dir/pg")
psql "${url%/*}/postgres" -q -c "CREATE DATABASE lmec_bench"
OPENBLAS_NUM_THREADS=1 DATABASE_URL="${url%/*}/lmec_bench" .venv/bin/python benchmarks/monitoring_api.py "$@"
