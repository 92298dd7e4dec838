#!/usr/bin/env bash
# The mixed-load memory bench (issue 14.2): the server's peak memory (VmHWM) under 64
# connections of mixed pages on the Harbin demo: 64 sign-ins at once, then rosters, the
# people of a district, people by name, compliance of the city and of a district, forms 4
# and 5 of the city (and the PDF now and then), sign-ins, and imports of a 10,000-row sheet
# through /api/imports, the server's VmRSS and VmHWM sampled every 0.2 s (bench/memory.py).
#
#   bash bench/memory.sh [DATABASE]   a copy of DATABASE (a Harbin demo SQLite file), or a new demo
#
# Knobs: BENCH_CONNECTIONS (64), BENCH_MEMORY_SECONDS (30: the mixed load; it lasts until
# the imports are done too), BENCH_MEMORY_IMPORTS (2), BENCH_MALLOC_ARENAS (MALLOC_ARENA_MAX
# for the server), and any JINGUO_* setting (JINGUO_POOL_SIZE, JINGUO_PASSWORD_HASHES,
# JINGUO_THREADS: default connections + 8) passes to the server. Writes bench/out/memory.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${JINGUO_BIN:-$ROOT/build/jinguo}
OUT=$ROOT/bench/out
CONNECTIONS=${BENCH_CONNECTIONS:-64}
SECONDS_OF_LOAD=${BENCH_MEMORY_SECONDS:-30}
IMPORTS=${BENCH_MEMORY_IMPORTS:-2}
TOWNSHIPS=16  # 16 × 625 = 10,000 rows
PY=/usr/bin/python3
HOST=127.0.0.1
SERVER_PID=
die() { echo "bench/memory: $*" >&2; exit 1; }
[ -x "$BIN" ] || die "no server binary at $BIN: run 'make build' first"
mkdir -p "$OUT"
. "$ROOT/bench/lib.sh"
trap 'stop_server; rm -f "$OUT"/memory.db "$OUT"/memory.db-*' EXIT
$PY -c 'import openpyxl' 2>/dev/null || apt-get install -y -qq python3-openpyxl >/dev/null

SHEET=$OUT/import-$TOWNSHIPS.xlsx
[ -s "$SHEET" ] || $PY "$ROOT/bench/import_data.py" sheet "$SHEET" "$TOWNSHIPS" >/dev/null

# A fresh copy each run: the imports add people and positions.
rm -f "$OUT"/memory.db "$OUT"/memory.db-*
if [ -n "${1:-}" ]; then
  cp "$1" "$OUT/memory.db"
else
  "$BIN" demo --database "$OUT/memory.db" >"$OUT/memory-demo.log" 2>&1 || die "jinguo demo failed ($OUT/memory-demo.log)"
fi

PORT=$(free_port 18480 18879)
env ${BENCH_MALLOC_ARENAS:+MALLOC_ARENA_MAX=$BENCH_MALLOC_ARENAS} JINGUO_THREADS="${JINGUO_THREADS:-$((CONNECTIONS + 8))}" \
  "$BIN" serve --database "$OUT/memory.db" --host "$HOST" --port "$PORT" --web-root /nonexistent \
  >"$OUT/memory-serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do
  curl -fsS --max-time 1 "http://$HOST:$PORT/api/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$OUT/memory-serve.log" >&2; die "the server stopped"; }
  sleep 0.1
done

{
  echo "## Memory under mixed load ($(date -u '+%Y-%m-%d %H:%M') UTC)"
  echo
  echo "$(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg) at the start; server: $(
    tr '\0' ' ' <"/proc/$SERVER_PID/cmdline" | sed "s|$ROOT/||")${BENCH_MALLOC_ARENAS:+, MALLOC_ARENA_MAX=$BENCH_MALLOC_ARENAS}$(
    env | grep '^JINGUO_' | grep -v '^JINGUO_BIN=' | sort | tr '\n' ' ' | sed 's/^./; &/')."
  echo
  $PY "$ROOT/bench/memory.py" "http://$HOST:$PORT" "$SERVER_PID" "$SHEET" --connections "$CONNECTIONS" \
    --seconds "$SECONDS_OF_LOAD" --imports "$IMPORTS" --townships "$TOWNSHIPS"
} | tee "$OUT/memory.md"
