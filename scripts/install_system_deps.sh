#!/usr/bin/env bash
# System packages the test suite needs and no wheel provides: PostgreSQL 15 (server) and
# Chromium for the browser tests, both from Debian's archive; fonts for screenshots of every
# script. Idempotent: installs only what is missing.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || need+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep -q "Noto Sans Myanmar" || need+=(fonts-noto-core)
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
echo "system packages: installing ${need[*]}"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# policy-rc.d keeps the package from starting its own cluster; the tests start their own.
made_policy=no
if [ ! -e /usr/sbin/policy-rc.d ]; then
  $SUDO sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d'
  made_policy=yes
fi
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
[ $made_policy = yes ] && $SUDO rm -f /usr/sbin/policy-rc.d
true
