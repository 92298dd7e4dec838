#!/usr/bin/env bash
# Builds the libFuzzer targets of server/fuzz with clang (ASan + UBSan) and runs each for
# SECONDS (default 20; the request readers REQUEST_SECONDS, default the same) on a seed
# corpus made at run time. `make fuzz` runs them longer.
# A crash leaves its input in the printed folder and fails the run.
# Usage: scripts/fuzz.sh [SECONDS] [BUILD] [REQUEST_SECONDS]
set -euo pipefail
seconds=${1:-20}
build=${2:-build}
request_seconds=${3:-$seconds}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v clang++ >/dev/null || { echo "fuzz: clang++ is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }

out="$build/fuzz"
cmake -S server/fuzz -B "$out" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$out" -j"${JOBS:-2}" >/dev/null

work=$(mktemp -d /tmp/jinguo-fuzz.XXXXXX)
"$out/make_seeds" "$work/seeds"
mkdir -p "$work/seeds/ole" && cp server/tests/fixtures/*.xls "$work/seeds/ole/"
# The request readers: a body with every kind of field, and the lists' query strings.
mkdir -p "$work/seeds/json_body" "$work/seeds/query"
printf '%s' '{"name":"王芳","count":3,"active":true,"start_on":"2016-09-20","tags":["a",null],"ids":[1,2],"places":[{"role":"chair","on":"2016-01-01","ids":[3]}]}' >"$work/seeds/json_body/full"
printf '%s' '{"count":1e400,"start_on":"2016-02-30","ids":[-1,9223372036854775808],"places":null}' >"$work/seeds/json_body/edges"
printf '%s' 'q=%E7%8E%8B&organisation_id=12&status=former&page=2&page_size=50&sort=name&order=desc' >"$work/seeds/query/people"
printf '%s' 'within=1&person_id=3&from=2016-01-01&to=2016-13-01&year=2016&type=township&include_closed=true&on=2016-09-20' >"$work/seeds/query/audit"
status=0
for target in xlsx csv ole import_values json_body query; do
  case $target in json_body | query) run_for=$request_seconds ;; *) run_for=$seconds ;; esac
  mkdir -p "$work/corpus/$target" "$work/crashes/$target"
  echo "fuzz: $target for ${run_for} s"
  if ! "$out/${target}_fuzzer" "$work/corpus/$target" "$work/seeds/$target" \
      -max_total_time="$run_for" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
      -artifact_prefix="$work/crashes/$target/" -print_final_stats=1 >"$work/$target.log" 2>&1; then
    status=1
    tail -n 40 "$work/$target.log"
    echo "fuzz: $target FAILED; inputs kept in $work/crashes/$target" >&2
  else
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb)" "$work/$target.log" | sed "s/^/fuzz: $target /"
  fi
done
[ $status -eq 0 ] && rm -rf "$work"
exit $status
