#!/usr/bin/env bash
# The import bench (issue 10): a 100,000-row member sheet (a district of 160 townships, 25
# village federations each, every village staffed to the rule: 1 主席, 2 副主席, 22 执委),
# judged (dry run) and committed with `jinguo import`, on SQLite (and on PostgreSQL when
# BENCH_POSTGRES_URL is set). Prints the wall time and the peak memory (max RSS) of each.
# BENCH_TOWNSHIPS=N makes it smaller (N × 625 rows). Writes bench/out/import.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${JINGUO_BIN:-$ROOT/build/jinguo}
OUT=$ROOT/bench/out
TOWNSHIPS=${BENCH_TOWNSHIPS:-160}
PY=/usr/bin/python3
mkdir -p "$OUT"
[ -x "$BIN" ] || { echo "build/jinguo is missing: run make build" >&2; exit 1; }
$PY -c 'import openpyxl' 2>/dev/null || apt-get install -y -qq python3-openpyxl >/dev/null

free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
SHEET=$OUT/import-$TOWNSHIPS.xlsx
if [ ! -s "$SHEET" ]; then
  echo "writing the sheet ($((TOWNSHIPS * 625)) rows)…"
  $PY "$ROOT/bench/import_data.py" sheet "$SHEET" "$TOWNSHIPS" >/dev/null
fi

# A fresh database with the district's tree, created through the API; prints the district's id.
prepare() {
  local db=$1 port pid district
  "$BIN" migrate --database "$db" >/dev/null 2>&1
  printf 'Harbin-Import-2016\n' | "$BIN" create-admin --database "$db" --username bench --new-root 基准市妇联 >/dev/null 2>&1
  port=$(free_port)
  "$BIN" serve --database "$db" --port "$port" --web-root /nonexistent >"$OUT/import-server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break; sleep 0.1; done
  district=$($PY "$ROOT/bench/import_data.py" tree "http://127.0.0.1:$port" bench Harbin-Import-2016 "$TOWNSHIPS")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$district"
}

load() { cut -d' ' -f1-3 /proc/loadavg; }

# `jinguo import` with /usr/bin/time: "seconds peak-MiB"
measure() {
  local db=$1 district=$2; shift 2
  /usr/bin/time -f '%e %U %S %M' -o "$OUT/time.txt" "$BIN" import "$SHEET" --within "$district" --as bench --json \
    --database "$db" "$@" >"$OUT/import-report.json" || true
  awk '{ printf "%.1f s (CPU %.1f s), %.0f MiB", $1, $2 + $3, $4 / 1024 }' "$OUT/time.txt"
  awk '{ print $1 }' "$OUT/time.txt" >>"$OUT/import-seconds.txt"
}

# The issue's goal (issue 10): dry run plus commit of 100,000 rows in ≤ 10 s on SQLite, the
# server's peak memory ≤ 150 MB. $1 label, $2 seconds, $3 peak in MiB (or empty).
GOALS=()
judge() {
  local verdict
  verdict=$(awk -v s="$2" -v m="${3:-0}" -v rows="$((TOWNSHIPS * 625))" 'BEGIN {
    if (rows < 100000) { print "a smaller sheet: not judged"; exit }
    t = (s <= 10) ? "met" : "NOT met"
    if (m == 0) { print "time " t; exit }
    print "time " t ", memory " ((m * 1048576 <= 150e6) ? "met" : "NOT met") }')
  GOALS+=("- $1: dry run + commit **$2 s**${3:+, server peak $3 MiB} (goal ≤ 10 s${3:+, ≤ 150 MB}: $verdict)")
}

# The same sheet through the server (/api/imports: upload, dry run, commit), its peak memory (VmHWM).
run_server() {
  local label=$1 db=$2 district port pid times hwm
  district=$(prepare "$db")
  port=$(free_port)
  "$BIN" serve --database "$db" --port "$port" --web-root /nonexistent >"$OUT/import-server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break; sleep 0.1; done
  times=$($PY "$ROOT/bench/import_data.py" upload "http://127.0.0.1:$port" bench Harbin-Import-2016 "$SHEET" "$district" "$pid")
  hwm=$(awk '/VmHWM/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  read -r dry commit state dry_cpu commit_cpu <<<"$times"
  echo "| $label, server | $((TOWNSHIPS * 625)) | $dry s (server CPU $dry_cpu s) | $commit s (server CPU $commit_cpu s) | $state; server peak $hwm | $(load) |"
  [ "$label" = SQLite ] && [ "$state" = committed ] &&
    judge "$label through the server (/api/imports)" "$(awk -v a="$dry" -v b="$commit" 'BEGIN { printf "%.1f", a + b }')" "${hwm% MiB}"
  return 0
}

run_on() {
  local label=$1 db=$2 district dry commit
  district=$(prepare "$db")
  rm -f "$OUT/import-seconds.txt"
  dry=$(measure "$db" "$district")
  commit=$(measure "$db" "$district" --commit)
  created=$($PY -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["created_positions"], r["committed"])' "$OUT/import-report.json")
  echo "| $label | $((TOWNSHIPS * 625)) | $dry | $commit | $created | $(load) |"
  [ "$label" = SQLite ] && judge "$label, command line (\`jinguo import\`)" "$(awk '{ s += $1 } END { printf "%.1f", s }' "$OUT/import-seconds.txt")"
  return 0
}

{
  echo "# Import bench ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "$(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg) at the start. \`jinguo import\` of a member sheet (.xlsx, 10 columns), dry run then commit; wall time (CPU time) and max RSS by /usr/bin/time."
  echo
  echo "| database | rows | dry run | commit | positions created, committed | load average after (1, 5, 15 min) |"
  echo "|---|---|---|---|---|---|"
  rm -f "$OUT/import.db"*
  run_on SQLite "$OUT/import.db"
  rm -f "$OUT/import.db"*
  run_server SQLite "$OUT/import.db"
  if [ -n "${BENCH_POSTGRES_URL:-}" ]; then
    "$BIN" demo --database "$BENCH_POSTGRES_URL" --force --scale 1 >/dev/null 2>&1 || true  # drops the tables
    run_on PostgreSQL "$BENCH_POSTGRES_URL"
    "$BIN" demo --database "$BENCH_POSTGRES_URL" --force --scale 1 >/dev/null 2>&1 || true
    run_server PostgreSQL "$BENCH_POSTGRES_URL"
  fi
  echo
  printf '%s\n' "${GOALS[@]}"
} | tee "$OUT/import.md"
