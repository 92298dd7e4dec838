#!/usr/bin/env bash
# Staffing compliance timings (`jinguo check --timing`): the whole tree and one district,
# each judged on the report date and on the campaign baseline, in one process: the first
# (cold) run and the best and median of nine more (as a running server answers).
#
#   bash bench/compliance.sh DATABASE [DATABASE...]    a SQLite file or a PostgreSQL URL
#
# Knobs: BENCH_ON (2016-09-20, the demo's report date), BENCH_DISTRICT (2, the demo's first
# district). Prints a Markdown table. Targets: the Harbin city < 50 ms, a district < 10 ms.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${JINGUO_BIN:-$ROOT/build/jinguo}
ON=${BENCH_ON:-2016-09-20}
DISTRICT=${BENCH_DISTRICT:-2}
[ -x "$BIN" ] || { echo "bench: no binary at $BIN" >&2; exit 1; }
[ $# -ge 1 ] || { echo "usage: bench/compliance.sh DATABASE [DATABASE...]" >&2; exit 2; }

echo "| database | subtree | compliance (two dates) |"
echo "|---|---|---|"
for database in "$@"; do
  case "$database" in postgres* | *host=*) kind=postgresql ;; *) kind=sqlite ;; esac
  for within in "" "$DISTRICT"; do
    args=(check --database "$database" --on "$ON" --timing)
    label="whole tree"
    [ -n "$within" ] && { args+=(--within "$within"); label="district $within"; }
    status=0
    timing=$("$BIN" "${args[@]}" 2>&1 >/dev/null) || status=$?
    # exit 3 means "some bodies fail the rules": the normal answer on the demo data
    [ "$status" -eq 0 ] || [ "$status" -eq 3 ] || { echo "bench: jinguo ${args[*]} failed: $timing" >&2; exit 1; }
    echo "| $kind | $label | ${timing#compliance: } |"
  done
done
