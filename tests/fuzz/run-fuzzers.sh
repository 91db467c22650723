#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer harnesses with clang and runs each for a bounded time.
# Fails on any crash, leak, timeout or memory blow-up, keeping the input that
# caused it in $BUILD_DIR/fuzz-results/.
#   tests/fuzz/run-fuzzers.sh             every harness, 60 s each
#   FUZZ_SECONDS=600 tests/fuzz/run-fuzzers.sh plan
# BUILD_DIR (default: build-fuzz) is the clang build; FUZZ_SECONDS the time per harness;
# FUZZ_SEED, when set, makes libFuzzer's choices repeat from run to run (CI sets
# it, so that a pass or a failure there can be reproduced here).
set -uo pipefail

cd "$(dirname "$0")/../.."
build_dir=${BUILD_DIR:-build-fuzz}
seconds=${FUZZ_SECONDS:-60}
seed=()
[ -n "${FUZZ_SEED:-}" ] && seed=(-seed="$FUZZ_SEED")
# FUZZ_RUNS_FILE: lines "HARNESS EXECUTIONS" that also bound each run by its number of
# executions: with FUZZ_SEED, CI explores no further than a run that passed here
runs_file=${FUZZ_RUNS_FILE:-}

packages=(clang libclang-rt-14-dev python3)
build-aux/install-missing.sh "${packages[@]}" || exit 1

if [ ! -f "$build_dir/build.ninja" ]; then
  CC=clang meson setup "$build_dir" -Dfuzzing=true || exit 1
fi
# Each harness's command line (binary, dictionary, seed folders) comes from
# its meson test, so tests/fuzz/meson.build stays the one list.
mapfile -t commands < <(meson introspect "$build_dir" --tests | python3 -c '
import json, sys
for test in json.load(sys.stdin):
    if "fuzz" in test["suite"] or any(s.endswith(":fuzz") for s in test["suite"]):
        print("\t".join([test["name"]] + test["cmd"]))
')
if [ ${#commands[@]} -eq 0 ]; then
  echo "no fuzz harness found in $build_dir" >&2
  exit 1
fi

names=()
for line in "${commands[@]}"; do names+=("${line%%$'\t'*}"); done
meson compile -C "$build_dir" "${names[@]}" || exit 1

results="$build_dir/fuzz-results"
log="$build_dir/meson-logs/fuzzlog.json"
mkdir -p "$results" "$build_dir/meson-logs"
: > "$log"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

failed=0
summary=()
for line in "${commands[@]}"; do
  IFS=$'\t' read -r -a fields <<< "$line"
  name=${fields[0]}
  exe=${fields[1]}
  short=${name#fuzz-}
  if [ $# -gt 0 ] && [[ ! " $* " =~ " $short " ]]; then
    continue
  fi

  dict=()
  seeds=()
  for arg in "${fields[@]:2}"; do
    case "$arg" in
      -dict=*) dict=("$arg") ;;
      -*) ;;
      *) seeds+=("$arg") ;;
    esac
  done

  # New inputs go to a scratch corpus first, never into the source tree
  corpus="$results/$name-corpus"
  mkdir -p "$corpus"
  rm -f "$results/$name"-crash-* "$results/$name"-leak-* "$results/$name"-timeout-* "$results/$name"-oom-*
  limit=()
  bound=""
  if [ -n "$runs_file" ]; then
    n=$(awk -v h="$name" '$1 == h { print $2 }' "$runs_file")
    if [ -n "$n" ]; then
      limit=(-runs="$n")
      bound=" or $n executions"
    fi
  fi
  echo "== $name: fuzzing for $seconds s$bound"
  "$exe" "${dict[@]}" "${seed[@]}" "${limit[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -detect_leaks=1 -error_exitcode=1 -timeout_exitcode=2 -print_final_stats=1 \
    -artifact_prefix="$results/$name-" \
    "$corpus" "${seeds[@]}" > "$results/$name.log" 2>&1
  status=$?

  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$results/$name.log" | tail -1)
  artifacts=$(ls "$results/$name"-crash-* "$results/$name"-leak-* "$results/$name"-timeout-* \
                 "$results/$name"-oom-* 2>/dev/null || true)
  if [ $status -ne 0 ] || [ -n "$artifacts" ]; then
    failed=$((failed + 1))
    result=FAIL
    grep -E "ERROR|SUMMARY|runtime error|ERROR:|Bail out" "$results/$name.log" | head -20 | cut -c1-400
    echo "   input kept: ${artifacts:-none}; full log: $results/$name.log"
  else
    result=OK
  fi
  inputs=$(find "$corpus" -type f | wc -l)
  summary+=("$name: ${runs:-0} executions (at most $seconds s$bound), $inputs new corpus inputs: $result")
  echo "   ${summary[-1]}"
  python3 -c 'import json, sys; print(json.dumps({"name": sys.argv[1], "result": sys.argv[2], "stdout": ""}))' \
    "$name" "$result" >> "$log"
done

echo "== fuzzing summary"
printf '   %s\n' "${summary[@]}"
[ $failed -eq 0 ]
