#!/usr/bin/env bash
# System packages no wheel provides, from Debian's archive. Idempotent: installs only what
# is missing.
#   scripts/install_system_deps.sh pdf   what the site itself needs (run by `make install`,
#                                        so by `make demo` and `make test`): Pango for
#                                        WeasyPrint's PDFs (evaluation report, certificates)
#                                        and the Noto CJK fonts for Chinese in them
#   scripts/install_system_deps.sh       that, plus what the whole test suite needs:
#                                        PostgreSQL 15 (server), Chromium for the browser
#                                        tests, fonts for screenshots of every script
set -euo pipefail
mode=${1:-all}
case "$mode" in
  pdf|all) ;;
  *) echo "usage: $0 [pdf|all]" >&2; exit 2 ;;
esac

# Listings are read whole before grep: with pipefail, `fc-list | grep -q` fails when grep
# stops early and fc-list gets SIGPIPE, which would report a present package as missing.
libs=$( (/sbin/ldconfig -p || ldconfig -p) 2>/dev/null || true)
fonts=$(fc-list : family 2>/dev/null || true)
has_lib() { grep -qF "$1" <<<"$libs"; }
has_font() { grep -qF "$1" <<<"$fonts"; }

need=()
has_lib "libpango-1.0.so.0" || need+=(libpango-1.0-0)
has_lib "libpangoft2-1.0.so.0" || need+=(libpangoft2-1.0-0)
has_font "Noto Sans CJK" || need+=(fonts-noto-cjk)
if [ "$mode" = all ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  [ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
  has_font "Noto Sans Myanmar" || need+=(fonts-noto-core)
fi
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages ($mode): all present"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  # Not Debian/Ubuntu: say what to install; the site runs, PDFs answer with what is missing.
  echo "system packages ($mode): missing ${need[*]} - install them with your package manager" >&2
  [ "$mode" = pdf ] && exit 0
  exit 1
fi
echo "system packages ($mode): installing ${need[*]}"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive

install_packages() {
  # explicit && chains: `set -e` does not apply inside a function called with ||
  $SUDO apt-get update -qq || return 1
  # policy-rc.d keeps the package from starting its own cluster; the tests start their own.
  local made_policy=no
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    $SUDO sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d' || return 1
    made_policy=yes
  fi
  local status=0
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || status=1
  [ $made_policy = yes ] && $SUDO rm -f /usr/sbin/policy-rc.d
  return $status
}

if [ "$mode" = pdf ]; then
  # the site runs without them (a PDF answers with what is missing): never stop `make demo`
  install_packages || echo "system packages (pdf): could not install ${need[*]} (no root or sudo?); the PDFs will say what is missing" >&2
  exit 0
fi
install_packages
