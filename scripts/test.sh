#!/usr/bin/env bash
# Runs every test against real things: C++ unit tests, the storage and API suites on
# SQLite and on a throwaway PostgreSQL server, the fuzzers (20 s each, the request readers
# 10 s), the fault test (SIGKILL during writes), two servers on one PostgreSQL behind nginx
# (one killed under load), the web app's unit tests, the browser test in Debian's Chromium
# against the real binary serving the demo data, the Debian package unpacked into a
# throwaway root and started, and a one-minute soak.
set -uo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d /tmp/jinguo-test.XXXXXX)
chmod 755 "$work"  # the PostgreSQL server runs as user postgres and keeps its folder in here
server_pids=()
cleanup() {
  for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  bash scripts/postgres.sh stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT

passed=0; failed=0; failures=()
# Each stage's output goes to the terminal and to a file; a failed stage's failing lines are said again at the
# end, where a CI log cut to its tail still shows them.
stage() {  # stage NAME COMMAND...
  local name=$1; shift
  echo; echo "=== $name"
  local t0=$SECONDS log="$work/stage-$((passed + failed)).log" rc
  # Only the stage's standard output and error go to tee: a server a stage leaves running (the
  # throwaway PostgreSQL) gets no other descriptor of it, so tee ends with the stage's own output.
  "$@" > >(tee "$log") 2>&1
  rc=$?
  if [ $rc -eq 0 ]; then passed=$((passed + 1)); echo "--- $name: ok ($((SECONDS - t0)) s)"
  else
    failed=$((failed + 1)); failures+=("$name"); echo "--- $name: FAILED ($((SECONDS - t0)) s)"
    sleep 1  # tee writes the last of it
    { echo "--- what failed in \"$name\":"; grep -E -A6 'FAIL|Failure|FAILED|failed|error|Error|Assertion|Traceback' "$log" | tail -n 60; } > "$log.why"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

start_postgres() {
  JINGUO_TEST_POSTGRESQL_URL=$(bash scripts/postgres.sh start "$work/pg") || return 1
  export JINGUO_TEST_POSTGRESQL_URL
}

# The browser tests in JINGUO_E2E_WORKERS workers (2 unless set), each a Chromium against a server of its own on
# its own copy of the demo data (e2e/run.mjs says which modules each runs).
e2e() {
  local i port url urls="" rc
  "$build/jinguo" demo --database "$work/e2e.db" >"$work/demo.log" 2>&1 || { cat "$work/demo.log"; return 1; }
  for i in $(seq 1 "${JINGUO_E2E_WORKERS:-2}"); do
    cp "$work/e2e.db" "$work/e2e-$i.db"
    port=$(free_port)
    "$build/jinguo" serve --database "$work/e2e-$i.db" --host 127.0.0.1 --port "$port" --web-root web/dist \
      >"$work/server-$i.log" 2>&1 &
    server_pids+=($!)
    urls="${urls:+$urls }http://127.0.0.1:$port"
  done
  for url in $urls; do
    for _ in $(seq 1 100); do
      curl -fs "$url/api/health" >/dev/null 2>&1 && break
      sleep 0.1
    done
  done
  JINGUO_E2E_URL=${urls%% *} JINGUO_E2E_URLS=$urls npm --prefix web run --silent e2e
  rc=$?
  for i in "${!server_pids[@]}"; do
    kill "${server_pids[$i]}" 2>/dev/null; wait "${server_pids[$i]}" 2>/dev/null
    [ $rc -eq 0 ] || { echo "--- server $((i + 1)), last lines:"; tail -n 30 "$work/server-$((i + 1)).log"; }
  done
  server_pids=()
  return $rc
}

stage "throwaway PostgreSQL server" start_postgres
stage "C++ unit, storage and API tests (SQLite and PostgreSQL)" \
  ctest --test-dir "$build" --output-on-failure -j2 --timeout 600
stage "two servers on one PostgreSQL behind nginx: sessions, writes seen at once, SIGKILL of one under load" \
  python3 scripts/two_servers_test.py --binary "$build/jinguo" --postgresql "${JINGUO_TEST_POSTGRESQL_URL:-}"
stage "fuzzers, 20 s each, the request readers 10 s (make fuzz runs them longer)" bash scripts/fuzz.sh 20 "$build" 10
stage "fault test: SIGKILL during writes, 5 each on SQLite and PostgreSQL (make fault: 100)" \
  bash scripts/fault.sh 5 "$build"  # measured: ~16 s + ~60 s (PostgreSQL: psql per check); 10 each took 149 s
stage "web unit tests" npm --prefix web test --silent
stage "browser tests (Chromium)" e2e
stage "package: .deb built, unpacked into a throwaway root and started" bash scripts/package_test.sh "$build"
stage "soak: mixed reads and writes for 60 s, no 5xx, no memory growth (make soak: 10 min)" \
  python3 scripts/soak.py --binary "$build/jinguo" --seconds 60

echo
if [ $failed -gt 0 ]; then
  cat "$work"/stage-*.log.why
  echo "failed: ${failures[*]}"
fi
echo "test stages: $passed passed, $failed failed"
[ $failed -eq 0 ]
