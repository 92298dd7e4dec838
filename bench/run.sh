#!/usr/bin/env bash
# Load and memory figures of the Jinguo server (`make bench`).
#
#   bash bench/run.sh            the Harbin demo database (SQLite)
#   bash bench/run.sh national   a national-scale database: SQLite, and PostgreSQL too
#                                when BENCH_POSTGRES_URL is set (postgresql://...)
#
# Builds nothing: expects build/jinguo (JINGUO_BIN to use another). Writes the databases,
# logs and results.md (also results-harbin.md / results-national.md) under bench/out/. Loopback only.
# Knobs: BENCH_DURATION (10s), BENCH_CONNECTIONS (64), BENCH_THREADS (the server's threads,
# `jinguo serve --threads`; default connections + 8: cpp-httplib holds a thread per keep-alive
# connection, see bench/README.md "Answers kept, and how many threads"), BENCH_SCALE (national; or province,
# county, or a number of townships for a quick try of the national mode), BENCH_DATABASE
# (an existing database, file or URL, to serve as it is: a national one takes minutes
# to build, so build it once and bench it often).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${JINGUO_BIN:-$ROOT/build/jinguo}
OUT=$ROOT/bench/out
MODE=${1:-harbin}
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-$((CONNECTIONS + 8))}
SCALE=${BENCH_SCALE:-national}
HOST=127.0.0.1
SERVER_PID=

die() { echo "bench: $*" >&2; exit 1; }
[ -x "$BIN" ] || die "no server binary at $BIN: run 'make build' first"
command -v wrk >/dev/null || die "wrk is not installed"
command -v jq >/dev/null || die "jq is not installed"
case "$MODE" in harbin|national) ;; *) die "usage: bench/run.sh [national]" ;; esac
mkdir -p "$OUT"

. "$ROOT/bench/lib.sh"
trap stop_server EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

COOKIE=
get() { curl -fsS --max-time 10 -H "Cookie: $COOKIE" "http://$HOST:$PORT$1"; }

# Signs in as the demo's city administrator (a scoped account: the subtree check is measured
# too); the national data has only the system administrator.
login() {
  local user
  for user in harbin:City-Federation-2016 admin:Jinguo-System-2016; do
    COOKIE=$(curl -fsS --max-time 10 -D - -o /dev/null -X POST "http://$HOST:$PORT/api/auth/login" \
      -d "{\"username\":\"${user%%:*}\",\"password\":\"${user#*:}\"}" 2>/dev/null | tr -d '\r' |
      sed -n 's/^[Ss]et-[Cc]ookie: \(jinguo_session=[0-9a-f]*\).*/\1/p') || true
    [ -n "$COOKIE" ] && return
  done
  die "could not sign in as the demo account harbin or admin"
}

# Fills the database $1 (a file or a PostgreSQL URL) with the data of this mode.
make_database() {
  local database=$1 log=$2
  if [ -n "${BENCH_DATABASE:-}" ]; then
    GENERATE_SECONDS="(given)"
    return
  fi
  local args=(demo --database "$database" --force)
  [ "$MODE" = national ] && args+=(--scale "$SCALE")  # needs `jinguo demo --scale` (see bench/README.md)
  local start; start=$(now)
  "$BIN" "${args[@]}" >"$log" 2>&1 || { tail -20 "$log" >&2; die "'jinguo ${args[*]}' failed (log: $log)"; }
  GENERATE_SECONDS="$(elapsed "$start" "$(now)") s"
}

# Starts the server on $1 and waits for /api/health (at most 120 s).
start_server() {
  local database=$1 log=$2
  PORT=$(free_port 18080 18479)
  local start; start=$(now)
  "$BIN" serve --database "$database" --host "$HOST" --port "$PORT" --threads "$THREADS" >"$log" 2>&1 &
  SERVER_PID=$!
  local tries
  for tries in $(seq 1 6000); do
    if curl -fsS --max-time 1 "http://$HOST:$PORT/api/health" >/dev/null 2>&1; then
      READY_SECONDS=$(elapsed "$start" "$(now)")
      return
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$log" >&2; die "the server stopped (log: $log)"; }
    sleep 0.02
  done
  die "the server did not answer /api/health within 120 s (log: $log)"
}

# Ids to query: the district with the most children under the (first) root, and
# among its first twenty streets and townships the one with the most members.
discover() {
  local root district
  root=$(get "/api/organisations" | jq -r '.items[0].id')
  district=$(get "/api/organisations?parent_id=$root&page_size=200" | jq -r '.items | max_by(.child_count) | .id')
  DISTRICT_ID=$district
  DISTRICT_NAME=$(get "/api/organisations/$district" | jq -r '.name')
  TOWNSHIP_ID=$(get "/api/organisations?parent_id=$district&page_size=20" |
    jq -r '[.items[] | select(.type == "street" or .type == "township")] | max_by(.member_count) | .id')
  [ -n "$TOWNSHIP_ID" ] && [ "$TOWNSHIP_ID" != null ] || die "found no street or township to query"
  TOWNSHIP_NAME=$(get "/api/organisations/$TOWNSHIP_ID" | jq -r '.name')
  ROSTER_SIZE=$(get "/api/organisations/$TOWNSHIP_ID/roster?on=2016-09-20" | jq '.items | length')
}

# One wrk run with $1 threads and $2 connections on $3: prints its result as JSON.
wrk_json() {
  local line
  line=$(wrk -t"$1" -c"$2" -d"$DURATION" --latency -H "Cookie: $COOKIE" -s "$ROOT/bench/report.lua" \
    "http://$HOST:$PORT$3" | grep '^RESULT ' | sed 's/^RESULT //')
  [ -n "$line" ] || die "wrk gave no result for $3"
  echo "$line"
}

# Appends a row to the table: throughput and latency under $CONNECTIONS connections, and
# the latency of one client alone (what a clerk waits on a quiet server). By Little's
# law the mean latency under load is connections / throughput: 64 / 5,000 req/s = 12.8 ms.
measure() {
  local label=$1 path=$2 loaded alone
  get "$path" >/dev/null || die "GET $path failed"
  loaded=$(wrk_json 2 "$CONNECTIONS" "$path")
  alone=$(wrk_json 1 1 "$path")
  ROWS+=("$(jq -r -n --arg l "$label" --arg db "$DB_KIND" --argjson a "$loaded" --argjson b "$alone" \
    '"| \($db) | \($l) | \($a.rps | floor) | \($a.p50_ms * 100 | round / 100) | \($a.p99_ms * 100 | round / 100) | \($b.p50_ms * 100 | round / 100) | \($a.errors) | \($a.non2xx) |"')")
  # The issue's goal for this request, if it has one ($3 requests/s at least, $4 p99 ms at most; 0: none).
  [ -n "${3:-}" ] && GOALS+=("$(jq -r -n --arg l "$label" --arg db "$DB_KIND" --argjson a "$loaded" \
    --argjson rps "$3" --argjson p99 "$4" --arg c "$CONNECTIONS" '
      ([if $rps > 0 then "≥ \($rps) req/s" else empty end, if $p99 > 0 then "p99 ≤ \($p99) ms" else empty end] | join(", ")) as $goal
      | (($rps == 0 or $a.rps >= $rps) and ($p99 == 0 or $a.p99_ms <= $p99)) as $met
      | "- \($db): \($l), \($c) connections: **\($a.rps | floor) req/s, p99 \($a.p99_ms * 10 | round / 10) ms** (goal \($goal): \(if $met then "met" else "NOT met" end))"')")
  return 0
}

ROWS=()
SUMMARY=()
GOALS=()
# Everything for one database: fill it, serve it, load it, read the memory peak.
bench_database() {
  DB_KIND=$1
  local database=$2 name=$3
  echo "bench: $DB_KIND: generating the $MODE data ..." >&2
  make_database "$database" "$OUT/$name-demo.log"
  echo "bench: $DB_KIND: starting the server ..." >&2
  start_server "$database" "$OUT/$name-serve.log"
  login
  discover
  local search; search=$(jq -rn --arg q "社区" '$q | @uri')
  # issue 14 §1: a roster ≥ 10,000 req/s with p99 ≤ 20 ms on SQLite; p99 ≤ 30 ms on PostgreSQL at national scale
  local roster_goal=(10000 20)
  [ "$DB_KIND" = postgresql ] && roster_goal=(0 30)
  measure "roster of $TOWNSHIP_NAME ($ROSTER_SIZE members)" "/api/organisations/$TOWNSHIP_ID/roster?on=2016-09-20" \
    "${roster_goal[@]}"
  measure "children of $DISTRICT_NAME" "/api/organisations?parent_id=$DISTRICT_ID"
  measure "search 社区 within $DISTRICT_NAME" "/api/organisations/search?q=$search&within=$DISTRICT_ID"
  measure "people of $DISTRICT_NAME (50 a page, with the total)" "/api/people?organisation_id=$DISTRICT_ID" 1000 0
  measure "health" "/api/health"
  local peak rss size=""
  peak=$(awk '/^VmHWM/ { printf "%.1f MiB", $2 / 1024 }' "/proc/$SERVER_PID/status")
  rss=$(awk '/^VmRSS/ { printf "%.1f MiB", $2 / 1024 }' "/proc/$SERVER_PID/status")
  [ -f "$database" ] && size=$(du -m "$database" | awk '{ print $1 " MiB" }')
  SUMMARY+=("| $DB_KIND | ${GENERATE_SECONDS} | ${size:-n/a} | ${READY_SECONDS} s | $peak | $rss |")
  stop_server
}

if [ -n "${BENCH_DATABASE:-}" ]; then
  case "$BENCH_DATABASE" in postgres* | *host=*) kind=postgresql ;; *) kind=sqlite ;; esac
  bench_database "$kind" "$BENCH_DATABASE" "given-$MODE"
elif [ "$MODE" = harbin ]; then
  bench_database sqlite "$OUT/harbin.db" harbin
else
  bench_database sqlite "$OUT/national.db" national
  if [ -n "${BENCH_POSTGRES_URL:-}" ]; then
    bench_database postgresql "$BENCH_POSTGRES_URL" national-pg
  else
    echo "bench: BENCH_POSTGRES_URL not set: PostgreSQL skipped" >&2
  fi
fi

{
  echo "# Jinguo bench: $MODE data ($(date -u +%Y-%m-%d\ %H:%M) UTC)"
  echo
  echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); wrk -t2 -c$CONNECTIONS -d$DURATION on loopback; server threads $THREADS; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| database | data generated and imported | size | ready (until /api/health answers) | server peak RSS (VmHWM) | RSS after load |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${SUMMARY[@]}"
  echo
  echo "| database | request | requests/s | median ms | p99 ms | median ms, 1 connection | socket errors | non-2xx |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
} >"$OUT/results-$MODE.md"
# Staffing compliance (issue 4), in-process: the whole demo city and one district; then the
# counting forms and compliance through the server, from the index and in SQL (issue 11).
if [ "$MODE" = harbin ] && [ -z "${BENCH_DATABASE:-}" ]; then
  { echo; JINGUO_BIN="$BIN" bash "$ROOT/bench/compliance.sh" "$OUT/harbin.db"; } >>"$OUT/results-$MODE.md"
  { echo; JINGUO_BIN="$BIN" BENCH_CONNECTIONS="$CONNECTIONS" bash "$ROOT/bench/forms.sh" "$OUT/harbin.db"; } \
    >>"$OUT/results-$MODE.md"
  { echo; JINGUO_BIN="$BIN" BENCH_CONNECTIONS="$CONNECTIONS" bash "$ROOT/bench/certificates.sh" "$OUT/harbin.db"; } \
    >>"$OUT/results-$MODE.md"
fi
# Memory under mixed load (issue 14.2): 64 sign-ins at once, pages of every kind, 10,000-row imports.
if [ "$MODE" = harbin ] && [ -z "${BENCH_DATABASE:-}" ]; then
  { echo; JINGUO_BIN="$BIN" BENCH_CONNECTIONS="$CONNECTIONS" bash "$ROOT/bench/memory.sh" "$OUT/harbin.db"; } \
    >>"$OUT/results-$MODE.md"
fi
# The 100,000-row import (issue 10): dry run plus commit, from the command line and through the server.
if [ "$MODE" = harbin ] && [ -z "${BENCH_DATABASE:-}" ]; then
  { echo; JINGUO_BIN="$BIN" bash "$ROOT/bench/import.sh"; } >>"$OUT/results-$MODE.md"
fi
# The figures that have a goal in the issues, beside it: the requests above, and the lines of the
# parts that judge their own (each says "goal").
judged=$(grep -h -E '^(- |\*\*).*\(goal' "$OUT/results-$MODE.md" || true)  # read before the file is appended to
{
  echo
  echo "## Goals"
  echo
  printf '%s\n' "${GOALS[@]}"
  [ -n "$judged" ] && echo "$judged"
} >>"$OUT/results-$MODE.md"
cp "$OUT/results-$MODE.md" "$OUT/results.md"
cat "$OUT/results.md"
