#!/usr/bin/env bash
# The fault test (scripts/fault_test.py) on SQLite, then on a throwaway PostgreSQL server.
#   bash scripts/fault.sh KILLS [BUILD]     `make fault` runs 100 kills each; `make test` fewer
set -uo pipefail
kills=${1:-100}
build=${2:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d /tmp/jinguo-fault-pg.XXXXXX)
chmod 755 "$work"  # the PostgreSQL server runs as user postgres and keeps its folder in here
trap 'bash scripts/postgres.sh stop "$work/pg"; rm -rf "$work"' EXIT

python3 scripts/fault_test.py --binary "$build/jinguo" --kills "$kills" || exit 1
url=$(bash scripts/postgres.sh start "$work/pg") || exit 1
python3 scripts/fault_test.py --binary "$build/jinguo" --kills "$kills" --database "$url"
