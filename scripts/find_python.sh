#!/usr/bin/env bash
# Print the path of a Python >= 3.12 (Django 6 needs it): $PYTHON, then PATH, then pyenv's
# installed versions. Fails with a clear message when there is none.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; }
candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
for name in python3.12 python3.13 python3; do
  command -v "$name" >/dev/null 2>&1 && candidates+=("$(command -v "$name")")
done
for root in "${PYENV_ROOT:-}" "$HOME/.pyenv" /root/.pyenv /opt/pyenv; do
  [ -n "$root" ] || continue
  for p in "$root"/versions/3.12*/bin/python3 "$root"/versions/3.13*/bin/python3; do
    [ -x "$p" ] && candidates+=("$p")
  done
done
for p in /usr/bin/python3.12 /usr/local/bin/python3.12 /usr/bin/python3.13 /usr/local/bin/python3.13; do
  [ -x "$p" ] && candidates+=("$p")
done
for c in "${candidates[@]}"; do
  if ok "$c"; then echo "$c"; exit 0; fi
done
echo "error: LMEC needs Python 3.12 or newer (Django 6). Install it, or set PYTHON=/path/to/python3.12." >&2
exit 1
