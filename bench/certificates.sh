#!/usr/bin/env bash
# Certificates (issue 13, "Speed"): a meeting's worth of certificates issued and printed as one
# PDF (the target: 20 a second, a meeting of 30 in under 2 s), and the public verification
# page alone and under `wrk -t2 -c64` (the target: 5,000 requests a second); a notice's poster
# and its public page under the same load; with the server's peak memory. Works on a copy of the database it is given (issuing changes it).
#
#   bash bench/certificates.sh DATABASE     a SQLite file (the Harbin demo)
#
# Knobs: BENCH_DURATION (8s), BENCH_CONNECTIONS (64), BENCH_MEETING (30 certificates).
# Prints a Markdown table on standard output.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${JINGUO_BIN:-$ROOT/build/jinguo}
DURATION=${BENCH_DURATION:-8s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
MEETING=${BENCH_MEETING:-30}
HOST=127.0.0.1
OUT=$ROOT/bench/out
SERVER_PID=
SOURCE=${1:?usage: bench/certificates.sh DATABASE}

die() { echo "bench: $*" >&2; exit 1; }
[ -x "$BIN" ] || die "no server binary at $BIN"
for tool in wrk jq sqlite3; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
mkdir -p "$OUT"
. "$ROOT/bench/lib.sh"
trap stop_server EXIT

DATABASE=$OUT/certificates.db
rm -f "$DATABASE" "$DATABASE-wal" "$DATABASE-shm"
sqlite3 "$SOURCE" ".backup '$DATABASE'"

PORT=$(free_port 18880 18979)
"$BIN" serve --database "$DATABASE" --host "$HOST" --port "$PORT" --threads $((CONNECTIONS + 8)) \
  --public-requests-per-minute 1000000 >"$OUT/certificates-serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 3000); do
  curl -fsS --max-time 1 "http://$HOST:$PORT/api/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || die "the server stopped (log: $OUT/certificates-serve.log)"
  sleep 0.02
done
HEADERS=$(mktemp)
LOGIN=$(curl -fsS --max-time 10 -D "$HEADERS" -X POST "http://$HOST:$PORT/api/auth/login" \
  -d '{"username":"harbin","password":"City-Federation-2016"}')
COOKIE=$(tr -d '\r' <"$HEADERS" | sed -n 's/^[Ss]et-[Cc]ookie: \(jinguo_session=[0-9a-f]*\).*/\1/p')
CSRF=$(jq -r .csrf_token <<<"$LOGIN")
rm -f "$HEADERS"
[ -n "$COOKIE" ] || die "could not sign in as harbin"

# A meeting's worth of open positions in the village women's congresses of one township.
IDS=$(sqlite3 "$DATABASE" "SELECT p.id FROM positions p JOIN organisations o ON o.id = p.organisation_id
  WHERE o.type = 'village_congress' AND p.end_on IS NULL ORDER BY o.path, p.id LIMIT $MEETING" | paste -sd, -)
[ -n "$IDS" ] || die "no open positions in the demo's villages"

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
start=$(date +%s%N)
ISSUED=$(curl -fsS --max-time 60 -H "Cookie: $COOKIE" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
  -H "Origin: http://$HOST:$PORT" -d "{\"position_ids\":[$IDS]}" "http://$HOST:$PORT/api/certificates")
issue_s=$(seconds "$start" "$(date +%s%N)")
CERTS=$(jq -r '[.items[].id] | join(",")' <<<"$ISSUED")
COUNT=$(jq '.items | length' <<<"$ISSUED")
CODE=$(jq -r '.items[0].verify_url | split("/") | last' <<<"$ISSUED")

# The PDF of all of them, three times; the best run counts (the first warms the fonts).
best=
for _ in 1 2 3; do
  start=$(date +%s%N)
  curl -fsS --max-time 60 -o "$OUT/certificates.pdf" -H "Cookie: $COOKIE" "http://$HOST:$PORT/api/certificates.pdf?ids=$CERTS"
  s=$(seconds "$start" "$(date +%s%N)")
  if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$s; fi
done
pages=$(pdfinfo "$OUT/certificates.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
rate=$(awk -v n="$COUNT" -v s="$best" 'BEGIN { printf "%.0f", n / s }')

# The public check: alone (median of 20) and under load.
alone=$(for _ in $(seq 1 20); do
  curl -fsS -o /dev/null -w '%{time_total}\n' "http://$HOST:$PORT/api/public/certificates/$CODE"
done | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] * 1000 }')
loaded=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$ROOT/bench/report.lua" \
  "http://$HOST:$PORT/api/public/certificates/$CODE" | grep '^RESULT ' | sed 's/^RESULT //')
[ -n "$loaded" ] || die "wrk gave no result"
# A recruitment notice (issue 13 step 2): a township's, for its villages, published; its A4 poster
# (best of 3) and its public page under load.
TOWN=$(sqlite3 "$DATABASE" "SELECT id FROM organisations WHERE type = 'township' AND closed_on IS NULL ORDER BY path LIMIT 1")
NOTICE=$(curl -fsS --max-time 10 -H "Cookie: $COOKIE" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
  -H "Origin: http://$HOST:$PORT" -d "{\"organisation_id\":$TOWN,\"coverage\":\"villages\",\"title\":\"bench\",
  \"places\":[{\"role\":\"member\",\"places\":3}],\"duties\":\"d\",\"conditions\":\"c\",\"how_to_apply\":\"h\",
  \"deadline\":\"2099-12-31\"}" "http://$HOST:$PORT/api/notices" | jq -r .id)
SLUG=$(curl -fsS --max-time 10 -H "Cookie: $COOKIE" -H "X-CSRF-Token: $CSRF" -H "Origin: http://$HOST:$PORT" \
  -H 'Content-Type: application/json' -d '{}' "http://$HOST:$PORT/api/notices/$NOTICE/publish" | jq -r .slug)
poster=
for _ in 1 2 3; do
  start=$(date +%s%N)
  curl -fsS --max-time 60 -o "$OUT/notice-poster.pdf" -H "Cookie: $COOKIE" "http://$HOST:$PORT/api/notices/$NOTICE/poster.pdf"
  s=$(seconds "$start" "$(date +%s%N)")
  if [ -z "$poster" ] || awk -v a="$s" -v b="$poster" 'BEGIN { exit !(a < b) }'; then poster=$s; fi
done
notice_loaded=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$ROOT/bench/report.lua" \
  "http://$HOST:$PORT/api/public/notices/$SLUG" | grep '^RESULT ' | sed 's/^RESULT //')
[ -n "$notice_loaded" ] || die "wrk gave no result for the notice page"
peak=$(awk '/^VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$SERVER_PID/status")

echo "## Certificates (issue 13)"
echo
echo "| what | result |"
echo "|---|---|"
echo "| issue $COUNT certificates in one request (one transaction) | ${issue_s} s |"
echo "| print them as one PDF ($pages pages), best of 3 | ${best} s: $rate certificates/s |"
echo "| public verification, 1 connection, median | ${alone} ms |"
jq -r --argjson c "$CONNECTIONS" '"| public verification, \($c) connections | \(.rps | floor) requests/s, median \(.p50_ms) ms, p99 \(.p99_ms) ms, \(.non2xx) non-2xx |"' <<<"$loaded"
echo "| a notice's A4 poster as PDF, best of 3 | ${poster} s |"
jq -r --argjson c "$CONNECTIONS" '"| public notice page (a township for its villages), \($c) connections | \(.rps | floor) requests/s, median \(.p50_ms) ms, p99 \(.p99_ms) ms, \(.non2xx) non-2xx |"' <<<"$notice_loaded"
echo "| server peak RSS (VmHWM) | ${peak} MiB |"
