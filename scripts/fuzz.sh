#!/usr/bin/env bash
# Builds the libFuzzer targets of server/fuzz with clang (ASan + UBSan) and runs each for
# SECONDS (default 20) on a seed corpus made at run time. `make fuzz` runs them longer.
# A crash leaves its input in the printed folder and fails the run.
set -euo pipefail
seconds=${1:-20}
build=${2:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v clang++ >/dev/null || { echo "fuzz: clang++ is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }

out="$build/fuzz"
cmake -S server/fuzz -B "$out" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$out" -j"${JOBS:-2}" >/dev/null

work=$(mktemp -d /tmp/jinguo-fuzz.XXXXXX)
"$out/make_seeds" "$work/seeds"
mkdir -p "$work/seeds/ole" && cp server/tests/fixtures/*.xls "$work/seeds/ole/"
status=0
for target in xlsx csv ole import_values; do
  mkdir -p "$work/corpus/$target" "$work/crashes/$target"
  echo "fuzz: $target for ${seconds} s"
  if ! "$out/${target}_fuzzer" "$work/corpus/$target" "$work/seeds/$target" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
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
