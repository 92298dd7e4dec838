#!/usr/bin/env bash
# Installs the web app's npm packages from the lock file when they are missing or
# stale, then builds web/dist (served by `jinguo serve`).
set -euo pipefail
cd "$(dirname "$0")/../web"
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "build-web: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build
