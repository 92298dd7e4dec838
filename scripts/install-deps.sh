#!/usr/bin/env bash
# Installs what Jinguo needs to build, run and test, only if it is missing.
# Debian 12 packages (as root) and the npm registry; nothing else is downloaded.
set -euo pipefail

APT_PACKAGES=(
  build-essential cmake pkg-config
  libsoci-dev libboost-dev libpq-dev libsqlite3-dev sqlite3
  libcpp-httplib-dev nlohmann-json3-dev libspdlog-dev libcli11-dev
  libsodium-dev libxlsxwriter-dev libpango1.0-dev libcairo2-dev fonts-noto-cjk
  libqrencode-dev libzip-dev libpugixml-dev
  libgtest-dev
  postgresql
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
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
