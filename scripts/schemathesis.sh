#!/usr/bin/env bash
# The API contract check: a throw-away database with a few stations and ten days of data,
# the server on it, `schemathesis run --checks all` against /api/v1/openapi.json, then stop.
#   scripts/schemathesis.sh [more schemathesis options, e.g. --max-examples 50]
# Environment: VENV (default .venv), PORT (default 8765), DATABASE_URL (default: a SQLite
# file in a temporary directory; a PostgreSQL URL must name an empty database).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PORT=${PORT:-8765}
home=$(mktemp -d /tmp/lmec-schemathesis.XXXXXX)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$home" 2>/dev/null || true  # a server file written while it stops must not fail the run
}
trap cleanup EXIT
export LMEC_HOME="$home"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
export DATABASE_URL=${DATABASE_URL:-sqlite:///$home/lmec.sqlite3}
export STATIC_MANIFEST=0  # pages without collected static files (the API needs none)

# Realistic values some of the time, so that generated requests also reach stored data
# (station codes and days of scripts/schemathesis_data.py); the rest are generated.
cat >"$home/schemathesis.toml" <<'TOML'
[dictionaries.stations]
values = ["CN-KM-01", "KH-PP-01", "LA-VT-01", "MM-YG-01", "TH-BK-01", "VN-HN-01", "TH-MK-W1"]

[dictionaries.days]
values = ["2024-02-28", "2024-03-01", "2024-03-03", "2024-03-05", "2024-03-10", "2024-03-11"]

[parameters]
"path.code" = { dictionary = "stations", probability = 0.7 }
"query.start" = { dictionary = "days", probability = 0.5 }
"query.end" = { dictionary = "days", probability = 0.5 }
TOML

"$VENV/bin/lmec" setup --no-demo --no-static >/dev/null
"$VENV/bin/python" scripts/schemathesis_data.py
"$VENV/bin/lmec" serve --port "$PORT" >"$home/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
status=0
# run from the temporary directory: schemathesis keeps a crash cache (.schemathesis/) in the cwd
schemathesis=$(cd "$(dirname "$VENV/bin/schemathesis")" && pwd)/schemathesis
(cd "$home" && "$schemathesis" --config-file schemathesis.toml run --checks all "$@" \
  "http://127.0.0.1:$PORT/api/v1/openapi.json") || status=$?
if grep -q "Traceback" "$home/server.log"; then
  echo "== server errors (server.log):" >&2
  grep -B2 -A30 "Traceback" "$home/server.log" | head -200 >&2
fi
exit $status
